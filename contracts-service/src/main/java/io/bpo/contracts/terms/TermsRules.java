package io.bpo.contracts.terms;

import io.bpo.contracts.terms.ContractTerms.OpeningHours;
import io.bpo.contracts.terms.ContractTerms.PricingModel;
import io.bpo.contracts.terms.ContractTerms.Renewal;
import io.bpo.contracts.terms.ContractTerms.SlaDefinition;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of a terms document that span fields (bean validation has already checked each field alone): keys
 * unique and every reference resolvable, the pricing model's fees present, thresholds where the metric needs one,
 * warning and stretch levels on the good side of the target, weights adding up to at most 1.
 * Every broken rule is reported with its JSON path, all at once.
 */
public final class TermsRules {
    private static final BigDecimal ONE = BigDecimal.ONE;

    private final List<FieldError> errors = new ArrayList<>();
    private final String root;

    private TermsRules(String root) {
        this.root = root;
    }

    /** Throws a 400 problem listing every broken rule; {@code root} prefixes the paths (e.g. "terms"). */
    public static void check(ContractTerms terms, String root) {
        TermsRules rules = new TermsRules(root);
        rules.checkAll(terms);
        if (!rules.errors.isEmpty()) {
            String detail = String.join("; ", rules.errors.stream().map(e -> e.field() + " " + e.reason()).toList());
            throw new ApiException(400, "validation", "Invalid request", detail, rules.errors);
        }
    }

    private void checkAll(ContractTerms terms) {
        checkTerm(terms.term());
        checkPricing(terms.pricing());
        Set<String> calendars = uniqueKeys("calendars", terms.calendars(), ContractTerms.ServiceCalendar::key);
        Set<String> scope = uniqueKeys("scope", terms.scope(), ContractTerms.ScopeItem::key);
        uniqueKeys("objectives", terms.objectives(), ContractTerms.Objective::key);
        Set<String> slas = uniqueKeys("slas", terms.slas(), SlaDefinition::key);

        for (int c = 0; c < terms.calendars().size(); c++) {
            List<OpeningHours> hours = terms.calendars().get(c).weeklyHours();
            for (int h = 0; h < hours.size(); h++) {
                if (!hours.get(h).opens().isBefore(hours.get(h).closes())) {
                    error("calendars[" + c + "].weeklyHours[" + h + "].closes", "must be after opens");
                }
            }
        }
        for (int i = 0; i < terms.scope().size(); i++) {
            String calendar = terms.scope().get(i).calendar();
            if (calendar != null && !calendars.contains(calendar)) {
                error("scope[" + i + "].calendar", "names no calendar of this contract: " + calendar);
            }
        }
        for (int i = 0; i < terms.objectives().size(); i++) {
            List<String> measuredBy = terms.objectives().get(i).slas();
            for (int j = 0; j < measuredBy.size(); j++) {
                if (!slas.contains(measuredBy.get(j))) {
                    error("objectives[" + i + "].slas[" + j + "]", "names no SLA of this contract: " + measuredBy.get(j));
                }
            }
        }
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < terms.slas().size(); i++) {
            SlaDefinition sla = terms.slas().get(i);
            checkSla("slas[" + i + "]", sla, calendars, scope);
            weights = weights.add(sla.weight());
        }
        if (weights.compareTo(ONE) > 0) {
            error("slas", "weights add up to " + weights.stripTrailingZeros().toPlainString() + ", more than 1");
        }
    }

    private void checkTerm(ContractTerms.Term term) {
        if (term.endDate().isBefore(term.startDate())) {
            error("term.endDate", "must not be before term.startDate");
        } else if (term.noticePeriodDays() > ChronoUnit.DAYS.between(term.startDate(), term.endDate())) {
            error("term.noticePeriodDays", "is longer than the term itself");
        }
        if (term.renewal() == Renewal.TACIT && term.renewalPeriodMonths() == null) {
            error("term.renewalPeriodMonths", "is required for tacit renewal");
        }
    }

    private void checkPricing(ContractTerms.Pricing pricing) {
        if ((pricing.model() == PricingModel.PER_TRANSACTION || pricing.model() == PricingModel.OUTCOME_BASED)
                && pricing.unitPrice() == null) {
            error("pricing.unitPrice", "is required for " + pricing.model());
        }
        if (pricing.model() == PricingModel.PER_FTE) {
            if (pricing.ftePrice() == null) {
                error("pricing.ftePrice", "is required for PER_FTE");
            }
            if (pricing.fteCount() == null) {
                error("pricing.fteCount", "is required for PER_FTE");
            }
        }
    }

    private void checkSla(String at, SlaDefinition sla, Set<String> calendars, Set<String> scope) {
        if (!calendars.contains(sla.calendar())) {
            error(at + ".calendar", "names no calendar of this contract: " + sla.calendar());
        }
        for (int j = 0; j < sla.scope().size(); j++) {
            if (!scope.contains(sla.scope().get(j))) {
                error(at + ".scope[" + j + "]", "names no scope item of this contract: " + sla.scope().get(j));
            }
        }
        SlaMetric metric = sla.metric();
        if (metric.needsThreshold && sla.thresholdSeconds() == null) {
            error(at + ".thresholdSeconds", "is required for " + metric);
        } else if (!metric.needsThreshold && sla.thresholdSeconds() != null) {
            error(at + ".thresholdSeconds", "has no meaning for " + metric);
        }
        inRange(at + ".target", sla.target(), metric.unit);
        Comparator comparator = comparatorOf(sla);
        if (sla.warning() != null) {
            inRange(at + ".warning", sla.warning(), metric.unit);
            if (!onGoodSide(comparator, sla.warning(), sla.target())) {
                error(at + ".warning", "must be on the good side of the target ("
                        + (comparator.higherIsBetter() ? "at least " : "at most ") + sla.target() + ")");
            }
        }
        if (sla.bonus() != null) {
            inRange(at + ".bonus.stretchTarget", sla.bonus().stretchTarget(), metric.unit);
            if (!onGoodSide(comparator, sla.bonus().stretchTarget(), sla.target())
                    || sla.bonus().stretchTarget().compareTo(sla.target()) == 0) {
                error(at + ".bonus.stretchTarget", "must be beyond the target (" + sla.target() + ")");
            }
            if (sla.bonus().percentOfFee().compareTo(sla.bonus().capPercentPerPeriod()) > 0) {
                error(at + ".bonus.capPercentPerPeriod", "must not be below percentOfFee");
            }
        }
        if (sla.serviceCredit() != null && sla.serviceCredit().percentOfFeePerBreach()
                .compareTo(sla.serviceCredit().capPercentPerPeriod()) > 0) {
            error(at + ".serviceCredit.capPercentPerPeriod", "must not be below percentOfFeePerBreach");
        }
    }

    /** The comparator an SLA is measured with: its own, or its metric's good direction. */
    public static Comparator comparatorOf(SlaDefinition sla) {
        return sla.comparator() != null ? sla.comparator() : sla.metric().goodDirection;
    }

    private static boolean onGoodSide(Comparator comparator, BigDecimal level, BigDecimal target) {
        return comparator.higherIsBetter() ? level.compareTo(target) >= 0 : level.compareTo(target) <= 0;
    }

    private void inRange(String at, BigDecimal value, SlaMetric.Unit unit) {
        if (value.doubleValue() < unit.min || value.doubleValue() > unit.max) {
            error(at, "must be between " + stripped(unit.min) + " and " + stripped(unit.max) + " for " + unit);
        }
    }

    private static String stripped(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private <T> Set<String> uniqueKeys(String list, List<T> items, Function<T, String> key) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!keys.add(key.apply(items.get(i)))) {
                error(list + "[" + i + "].key", "repeats the key " + key.apply(items.get(i)));
            }
        }
        return keys;
    }

    private void error(String path, String reason) {
        errors.add(new FieldError(root == null || root.isEmpty() ? path : root + "." + path, reason));
    }
}

package io.bpo.reporting.sla;

import io.bpo.reporting.contracts.TermsInForce;
import io.bpo.reporting.measurement.Measurements.Measurement;
import io.bpo.reporting.rollup.BucketTotals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA arithmetic, pure: terms in, rollups in, compliance out. No I/O, no clock; every rule below is in
 * docs/decisions/0013 and tested with hand-computed numbers in SlaEngineTest.
 *
 * <ul>
 * <li><b>Target in force.</b> The contract version in force on the period's <em>last day</em> governs the whole
 * period: metric, comparator, target, warning, threshold, scope, credit, bonus and fee. The opening hours and
 * holidays of each day are those of the version in force that day (same calendar key).</li>
 * <li><b>Calendar.</b> A 15-minute bucket counts when its start, in the calendar's local time, is inside the
 * opening hours of a day that is not a holiday.</li>
 * <li><b>Scope.</b> A bucket counts when its queue is one of the SLA's scope item keys (all queues when the SLA
 * names none).</li>
 * <li><b>Abandoned calls.</b> A call abandoned after waiting less than {@code shortAbandonSeconds} (known wait) is
 * left out of service level and abandonment rate entirely; one with unknown wait counts as abandoned.
 * Denominators are answered + counted abandoned: records neither answered nor abandoned are still open.</li>
 * <li><b>Thresholds.</b> "Answered within T s" means a wait of at most T s (inclusive); the comparator decides
 * how the value meets the target (GTE/LTE inclusive, GT/LT exclusive), compared exactly, before rounding.</li>
 * <li><b>Status.</b> BREACHED when the value does not meet the target; WARNING when it meets the target but not
 * the warning level; MET otherwise; NO_DATA when nothing was measured (no credit, no bonus, never 100%).</li>
 * <li><b>Credit.</b> A breached period owes percentOfFeePerBreach of the monthly fee; periods of one month add up
 * to at most capPercentPerPeriod.</li>
 * <li><b>Bonus.</b> A period whose value meets the stretch target earns percentOfFee for reaching it and again
 * for each whole unit of the metric beyond it (gain share), at most capPercentPerPeriod per month.</li>
 * </ul>
 */
public final class SlaEngine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 2;

    private final int shortAbandonSeconds;

    public SlaEngine(int shortAbandonSeconds) {
        if (shortAbandonSeconds < 0) {
            throw new IllegalArgumentException("shortAbandonSeconds must be >= 0");
        }
        this.shortAbandonSeconds = shortAbandonSeconds;
    }

    /** The terms version governing {@code period} for the SLA: the one in force on its last day that has it. */
    public static Optional<Governing> governing(List<TermsInForce.Period> terms, String slaKey, SlaPeriod period) {
        TermsInForce.Period chosen = null;
        for (TermsInForce.Period p : terms) {
            boolean overlaps = !p.to().isBefore(period.first()) && !p.from().isAfter(period.last());
            if (overlaps && p.terms() != null && p.terms().sla(slaKey).isPresent()
                    && (chosen == null || p.from().isAfter(chosen.from()))) {
                chosen = p;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        TermsInForce.Sla sla = chosen.terms().sla(slaKey).orElseThrow();
        Optional<TermsInForce.Calendar> calendar = chosen.terms().calendar(sla.calendar());
        if (calendar.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Governing(chosen, sla, new ServiceHours(calendar.get())));
    }

    /** The version, SLA clause and calendar that govern a period. */
    public record Governing(TermsInForce.Period version, TermsInForce.Sla sla, ServiceHours hours) {
        public ZoneId zone() {
            return hours.zone();
        }

        public Metric metric() {
            return Metric.valueOf(sla.metric());
        }

        public Comparator comparator() {
            return sla.comparator() != null ? Comparator.valueOf(sla.comparator())
                    : metric().higherIsBetter ? Comparator.GTE : Comparator.LTE;
        }

        public SlaPeriod.Kind periodKind() {
            return SlaPeriod.Kind.valueOf(sla.period());
        }

        public BigDecimal monthlyFee() {
            return version.terms().pricing() == null || version.terms().pricing().monthlyFee() == null
                    ? BigDecimal.ZERO : version.terms().pricing().monthlyFee();
        }

        public List<String> objectives() {
            return version.terms().objectivesOf(sla.key()).stream().map(TermsInForce.Objective::statement).toList();
        }
    }

    /**
     * Compliance of the SLA over one period. {@code buckets} may span more than the period (only those inside
     * count) and cover every queue; {@code measurements} are the SLA's pushed values (measurement metrics only).
     */
    public Compliance evaluate(List<TermsInForce.Period> terms, String currency, String slaKey, SlaPeriod period,
            List<BucketTotals> buckets, List<Measurement> measurements) {
        Governing g = governing(terms, slaKey, period)
                .orElseThrow(() -> new IllegalArgumentException("SLA " + slaKey + " is not in force in " + period));
        ZoneId zone = g.zone();
        Instant from = period.from(zone);
        Instant to = period.to(zone);
        Metric metric = g.metric();
        Comparator comparator = g.comparator();
        TermsInForce.Sla sla = g.sla();

        Ratio ratio;
        long counted;
        if (metric.fromMeasurements()) {
            List<Measurement> inPeriod = measurements.stream()
                    .filter(m -> !m.periodStart().isBefore(from) && m.periodStart().isBefore(to)).toList();
            counted = inPeriod.size();
            ratio = fromMeasurements(metric, inPeriod);
        } else {
            Sums sums = new Sums(sla.thresholdSeconds());
            for (BucketTotals b : buckets) {
                if (b.bucketStart().isBefore(from) || !b.bucketStart().isBefore(to) || !inScope(sla, b.queue())) {
                    continue;
                }
                if (hoursOn(terms, g, b.bucketStart()).isOpen(b.bucketStart())) {
                    sums.add(b, shortAbandonSeconds);
                }
            }
            counted = sums.offered;
            ratio = sums.ratio(metric);
        }
        return outcome(g, currency, period, from, to, ratio, counted, comparator);
    }

    /**
     * Every SLA of the contract in force in the month, each over its periods that end in the month, with the
     * month's capped credit and bonus.
     */
    public List<MonthlySla> month(List<TermsInForce.Period> terms, String currency, LocalDate anyDayOfMonth,
            List<BucketTotals> buckets, java.util.function.Function<String, List<Measurement>> measurements) {
        SlaPeriod month = SlaPeriod.containing(SlaPeriod.Kind.MONTH, anyDayOfMonth);
        List<String> keys = new ArrayList<>();
        for (TermsInForce.Period p : terms) {
            if (p.terms() != null && p.terms().slas() != null && !p.to().isBefore(month.first())
                    && !p.from().isAfter(month.last())) {
                p.terms().slas().stream().map(TermsInForce.Sla::key).filter(k -> !keys.contains(k)).forEach(keys::add);
            }
        }
        List<MonthlySla> result = new ArrayList<>();
        for (String key : keys) {
            Optional<Governing> governing = governing(terms, key, month);
            if (governing.isEmpty()) {
                continue;
            }
            // measurements are read only for the metrics that use them
            List<Measurement> pushed = governing.get().metric().fromMeasurements() ? measurements.apply(key) : List.of();
            result.add(monthOf(terms, currency, governing.get(), month, buckets, pushed));
        }
        return result;
    }

    /** The SLA periods of {@code kind} that end inside {@code month}. */
    public static List<SlaPeriod> periodsEndingIn(SlaPeriod.Kind kind, SlaPeriod month) {
        if (kind == SlaPeriod.Kind.MONTH) {
            return List.of(month);
        }
        List<SlaPeriod> periods = new ArrayList<>();
        LocalDate day = month.first();
        while (!day.isAfter(month.last())) {
            SlaPeriod p = SlaPeriod.containing(kind, day);
            if (!p.last().isAfter(month.last()) && !p.last().isBefore(month.first())
                    && (periods.isEmpty() || !periods.get(periods.size() - 1).equals(p))) {
                periods.add(p);
            }
            day = day.plusDays(1);
        }
        return periods;
    }

    private MonthlySla monthOf(List<TermsInForce.Period> terms, String currency, Governing g, SlaPeriod month,
            List<BucketTotals> buckets, List<Measurement> measurements) {
        List<Compliance> periods = new ArrayList<>();
        for (SlaPeriod p : periodsEndingIn(g.periodKind(), month)) {
            if (governing(terms, g.sla().key(), p).isPresent()) {
                periods.add(evaluate(terms, currency, g.sla().key(), p, buckets, measurements));
            }
        }
        int breaches = (int) periods.stream().filter(c -> c.status() == Status.BREACHED).count();
        BigDecimal credit = periods.stream().map(Compliance::creditPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal bonus = periods.stream().map(Compliance::bonusPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
        TermsInForce.ServiceCredit sc = g.sla().serviceCredit();
        if (sc != null) {
            credit = credit.min(sc.capPercentPerPeriod());
        }
        TermsInForce.Bonus b = g.sla().bonus();
        if (b != null) {
            bonus = bonus.min(b.capPercentPerPeriod());
        }
        Status status = worst(periods);
        return new MonthlySla(g.sla().key(), g.sla().name(), g.metric(), g.periodKind(), g.sla().weight(), status,
                breaches, plain(credit), amount(g.monthlyFee(), credit),
                plain(bonus), amount(g.monthlyFee(), bonus), g.objectives(), periods);
    }

    /** BREACHED if any period breached, else WARNING if any warned, else MET if any met, else NO_DATA. */
    static Status worst(List<Compliance> periods) {
        Status worst = Status.NO_DATA;
        for (Compliance c : periods) {
            Status s = c.status();
            if (s == Status.BREACHED || (s == Status.WARNING && worst != Status.BREACHED)
                    || (s == Status.MET && worst == Status.NO_DATA)) {
                worst = s;
            }
        }
        return worst;
    }

    private static ServiceHours hoursOn(List<TermsInForce.Period> terms, Governing g, Instant bucketStart) {
        LocalDate day = g.hours().localDate(bucketStart);
        if (g.version().covers(day)) {
            return g.hours();
        }
        for (TermsInForce.Period p : terms) {
            if (p.covers(day) && p.terms() != null) {
                Optional<TermsInForce.Calendar> c = p.terms().calendar(g.sla().calendar());
                if (c.isPresent()) {
                    return new ServiceHours(c.get());
                }
            }
        }
        return g.hours();
    }

    private static boolean inScope(TermsInForce.Sla sla, String queue) {
        return sla.scope() == null || sla.scope().isEmpty() || (queue != null && sla.scope().contains(queue));
    }

    private Compliance outcome(Governing g, String currency, SlaPeriod period, Instant from, Instant to,
            Ratio ratio, long counted, Comparator comparator) {
        TermsInForce.Sla sla = g.sla();
        BigDecimal target = sla.target();
        BigDecimal value = null;
        BigDecimal margin = null;
        Status status = Status.NO_DATA;
        BigDecimal creditPercent = BigDecimal.ZERO;
        BigDecimal bonusPercent = BigDecimal.ZERO;
        if (ratio != null) {
            BigDecimal exact = ratio.value();
            value = exact.setScale(SCALE, RoundingMode.HALF_EVEN);
            margin = comparator.margin(exact, target).setScale(SCALE, RoundingMode.HALF_EVEN);
            if (!ratio.meets(comparator, target)) {
                status = Status.BREACHED;
            } else if (sla.warning() != null && !ratio.meets(comparator, sla.warning())) {
                status = Status.WARNING;
            } else {
                status = Status.MET;
            }
            if (status == Status.BREACHED && sla.serviceCredit() != null) {
                creditPercent = sla.serviceCredit().percentOfFeePerBreach()
                        .min(sla.serviceCredit().capPercentPerPeriod());
            }
            TermsInForce.Bonus bonus = sla.bonus();
            if (status != Status.BREACHED && bonus != null && ratio.meets(comparator, bonus.stretchTarget())) {
                BigDecimal beyond = comparator.margin(exact, bonus.stretchTarget()).setScale(0, RoundingMode.FLOOR);
                bonusPercent = bonus.percentOfFee().multiply(beyond.add(BigDecimal.ONE))
                        .min(bonus.capPercentPerPeriod());
            }
        }
        return new Compliance(sla.key(), sla.name(), g.metric(), g.metric().unit, period.kind(), period.label(),
                period.first(), period.last(), g.zone().getId(), from, to, g.version().versionNumber(), value,
                ratio == null ? null : ratio.numerator(), ratio == null ? null : ratio.denominator(), counted,
                comparator, target, sla.warning(), sla.thresholdSeconds(), status, margin,
                plain(creditPercent), amount(g.monthlyFee(), creditPercent),
                plain(bonusPercent), amount(g.monthlyFee(), bonusPercent), currency, g.objectives());
    }

    /** Without trailing zeros, never in exponent form (5, 2.5, 10; not 1E+1). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal amount(BigDecimal fee, BigDecimal percent) {
        return fee.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
    }

    private static Ratio fromMeasurements(Metric metric, List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return null;
        }
        if (metric == Metric.BACKLOG_AGE) {
            BigDecimal max = measurements.stream().map(Measurement::value).reduce(BigDecimal::max).orElseThrow();
            return new Ratio(max, BigDecimal.ONE, BigDecimal.ONE);
        }
        boolean ratios = measurements.stream().allMatch(m -> m.numerator() != null && m.denominator() != null);
        if (ratios) {
            BigDecimal num = measurements.stream().map(Measurement::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal den = measurements.stream().map(Measurement::denominator)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return den.signum() == 0 ? null : new Ratio(num, den, HUNDRED);
        }
        BigDecimal sum = measurements.stream().map(Measurement::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Ratio(sum, BigDecimal.valueOf(measurements.size()), BigDecimal.ONE);
    }

    /** value = numerator × factor / denominator, compared without rounding. */
    record Ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        BigDecimal value() {
            return numerator.multiply(factor).divide(denominator, MathContext.DECIMAL128);
        }

        boolean meets(Comparator comparator, BigDecimal level) {
            // numerator × factor ? level × denominator: exact, denominator > 0
            int c = numerator.multiply(factor).compareTo(level.multiply(denominator));
            return comparator.meets(BigDecimal.valueOf(c), BigDecimal.ZERO);
        }
    }

    /** Sums of the buckets that count. */
    private static final class Sums {
        final Integer threshold;
        long offered;
        long answered;
        long abandoned;
        long shortAbandoned;
        long answeredWithin;
        long waitSum;
        long waitCount;
        long handleSum;
        long handleCount;
        long resolvedWithin;
        long resolutionKnown;
        long fcrResolved;
        long fcrKnown;
        long csatSum;
        long csatCount;
        BigDecimal qualitySum = BigDecimal.ZERO;
        long qualityCount;

        Sums(Integer threshold) {
            this.threshold = threshold;
        }

        void add(BucketTotals b, int shortAbandonSeconds) {
            offered += b.offered();
            answered += b.answered();
            abandoned += b.abandoned();
            if (shortAbandonSeconds > 0) {
                shortAbandoned += b.abandonedWait().atMost(shortAbandonSeconds - 1L);
            }
            if (threshold != null) {
                answeredWithin += b.answeredWait().atMost(threshold);
                resolvedWithin += b.resolution().atMost(threshold);
            }
            resolutionKnown += b.resolution().total();
            waitSum += b.answeredWaitSecondsSum();
            waitCount += b.answeredWaitCount();
            handleSum += b.handleSecondsSum();
            handleCount += b.handleCount();
            fcrResolved += b.fcrResolved();
            fcrKnown += b.fcrKnown();
            csatSum += b.csatSum();
            csatCount += b.csatCount();
            qualitySum = qualitySum.add(Objects.requireNonNullElse(b.qualitySum(), BigDecimal.ZERO));
            qualityCount += b.qualityCount();
        }

        Ratio ratio(Metric metric) {
            long countedAbandoned = abandoned - shortAbandoned;
            return switch (metric) {
                case SERVICE_LEVEL -> of(answeredWithin, answered + countedAbandoned, HUNDRED);
                case ABANDONMENT_RATE -> of(countedAbandoned, answered + countedAbandoned, HUNDRED);
                case AVERAGE_SPEED_OF_ANSWER -> of(waitSum, waitCount, BigDecimal.ONE);
                case AVERAGE_HANDLE_TIME -> of(handleSum, handleCount, BigDecimal.ONE);
                case FIRST_CONTACT_RESOLUTION -> of(fcrResolved, fcrKnown, HUNDRED);
                case CSAT -> of(csatSum, csatCount, BigDecimal.ONE);
                case QUALITY_SCORE -> qualityCount == 0 ? null
                        : new Ratio(qualitySum, BigDecimal.valueOf(qualityCount), BigDecimal.ONE);
                case RESOLUTION_WITHIN_THRESHOLD -> of(resolvedWithin, resolutionKnown, HUNDRED);
                case BACKLOG_AGE, ERROR_RATE -> null;
            };
        }

        private static Ratio of(long numerator, long denominator, BigDecimal factor) {
            return denominator == 0 ? null
                    : new Ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), factor);
        }
    }
}

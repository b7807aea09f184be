package io.bpo.reporting.sla;

import io.bpo.kit.problem.ApiException;
import io.bpo.reporting.contracts.ContractTermsClient;
import io.bpo.reporting.contracts.TermsInForce;
import io.bpo.reporting.rollup.BucketTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.time.ZoneOffset;
import io.bpo.reporting.measurement.Measurements.Measurement;

/**
 * SLA compliance of a contract: terms from contracts-service (no transaction open meanwhile), rollups and
 * measurements from this service's database, arithmetic in {@link SlaEngine}.
 */
@ApplicationScoped
public class ComplianceService {
    /** Wide enough for any time zone's local day around a UTC day. */
    private static final Duration ZONE_SLACK = Duration.ofHours(15);

    @Inject
    ContractTermsClient contracts;

    @Inject
    SlaReads reads;

    @Inject
    SlaConfig config;

    SlaEngine engine() {
        return new SlaEngine(config.shortAbandonSeconds());
    }

    /** One SLA over the period of {@code kind} (default: the SLA's own) containing {@code date}. */
    public Compliance one(String clientId, UUID contractId, String slaKey, LocalDate date, SlaPeriod.Kind kind) {
        SlaPeriod week = SlaPeriod.containing(SlaPeriod.Kind.WEEK, date);
        SlaPeriod month = SlaPeriod.containing(SlaPeriod.Kind.MONTH, date);
        LocalDate first = week.first().isBefore(month.first()) ? week.first() : month.first();
        LocalDate last = week.last().isAfter(month.last()) ? week.last() : month.last();
        TermsInForce terms = contracts.inForce(clientId, contractId, first, last);
        SlaPeriod dayPeriod = SlaPeriod.containing(SlaPeriod.Kind.DAY, date);
        SlaEngine.Governing onDay = SlaEngine.governing(terms.periods(), slaKey, dayPeriod)
                .orElseThrow(() -> ApiException.notFound("SLA", slaKey + " in force on " + date));
        SlaPeriod period = SlaPeriod.containing(kind != null ? kind : onDay.periodKind(), date);
        SlaEngine.Governing g = SlaEngine.governing(terms.periods(), slaKey, period).orElseThrow();
        return evaluate(clientId, contractId, terms, g, period);
    }

    private Compliance evaluate(String clientId, UUID contractId, TermsInForce terms, SlaEngine.Governing g,
            SlaPeriod period) {
        ZoneId zone = g.zone();
        Instant from = period.from(zone);
        Instant to = period.to(zone);
        List<BucketTotals> buckets = List.of();
        List<io.bpo.reporting.measurement.Measurements.Measurement> measurements = List.of();
        if (g.metric().fromMeasurements()) {
            measurements = reads.measurements(clientId, contractId, g.sla().key(), from, to);
        } else {
            buckets = reads.buckets(clientId, from, to, scope(g.sla()));
        }
        return engine().evaluate(terms.periods(), terms.currency(), g.sla().key(), period, buckets, measurements);
    }

    /** What a computation depends on; equal keys give equal results (see {@link ResultCache}). */
    record Inputs(String clientId, UUID contractId, YearMonth first, YearMonth last, List<TermsInForce.Period> terms,
            java.util.Optional<Instant> lastIngested, Map<String, List<Measurement>> measurements) {
    }

    private final ResultCache<Inputs, List<MonthCompliance>> computed = new ResultCache<>(256);

    /** Every SLA over a month: the month's statement numbers; {@code now} null leaves computedAt out (statements). */
    public MonthCompliance month(String clientId, UUID contractId, YearMonth month, Instant now) {
        TermsInForce terms = contracts.inForce(clientId, contractId, month.atDay(1).minusDays(6), month.atEndOfMonth());
        return stamped(months(clientId, contractId, terms, month, month).get(0), now);
    }

    /** Twelve months ending with {@code last}, from one terms read and one rollup read. */
    public List<MonthCompliance> history(String clientId, UUID contractId, YearMonth last, Instant now) {
        YearMonth first = last.minusMonths(11);
        // 366 days at most: one call to contracts (weeks that began before the first month use its first day's terms)
        TermsInForce terms = contracts.inForce(clientId, contractId, first.atDay(1), last.atEndOfMonth());
        return months(clientId, contractId, terms, first, last).stream().map(m -> stamped(m, now)).toList();
    }

    private List<MonthCompliance> months(String clientId, UUID contractId, TermsInForce terms, YearMonth first,
            YearMonth last) {
        Instant from = first.atDay(1).minusDays(6).atStartOfDay().toInstant(ZoneOffset.UTC).minus(ZONE_SLACK);
        Instant to = last.atEndOfMonth().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(ZONE_SLACK);
        Map<String, List<Measurement>> measured = new TreeMap<>();
        for (TermsInForce.Period p : terms.periods()) {
            if (p.terms() != null && p.terms().slas() != null) {
                for (TermsInForce.Sla sla : p.terms().slas()) {
                    if (isMeasured(sla) && !measured.containsKey(sla.key())) {
                        measured.put(sla.key(), reads.measurements(clientId, contractId, sla.key(), from, to));
                    }
                }
            }
        }
        Inputs inputs = new Inputs(clientId, contractId, first, last, terms.periods(),
                reads.lastIngestedAt(clientId, from, to), measured);
        return computed.get(inputs, () -> {
            List<BucketTotals> buckets = reads.buckets(clientId, from, to, queues(terms));
            SlaEngine engine = engine();
            List<MonthCompliance> months = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                List<MonthlySla> slas = engine.month(terms.periods(), terms.currency(), m.atDay(1), buckets,
                        key -> measured.getOrDefault(key, List.of()));
                months.add(summary(terms, m, slas, null));
            }
            return List.copyOf(months);
        });
    }

    private static boolean isMeasured(TermsInForce.Sla sla) {
        try {
            return Metric.valueOf(sla.metric()).fromMeasurements();
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static MonthCompliance stamped(MonthCompliance m, Instant now) {
        return now == null ? m : new MonthCompliance(m.contractId(), m.reference(), m.month(), m.currency(),
                m.monthlyFee(), m.totalCredit(), m.totalBonus(), m.breaches(), m.slas(), now);
    }

    static MonthCompliance summary(TermsInForce terms, YearMonth month, List<MonthlySla> slas, Instant now) {
        BigDecimal credit = slas.stream().map(MonthlySla::creditAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal bonus = slas.stream().map(MonthlySla::bonusAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int breaches = slas.stream().mapToInt(MonthlySla::breaches).sum();
        BigDecimal fee = terms.periods().stream().filter(p -> p.covers(month.atEndOfMonth())).findFirst()
                .map(p -> p.terms().pricing() == null ? null : p.terms().pricing().monthlyFee()).orElse(null);
        return new MonthCompliance(terms.contractId(), terms.reference(), month.toString(), terms.currency(), fee,
                credit.setScale(2), bonus.setScale(2), breaches, slas, now);
    }

    /** Today's running value of each SLA in force today, today being the local day in each SLA's calendar. */
    public List<Intraday> intraday(String clientId, UUID contractId, Instant now) {
        LocalDate utcToday = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        TermsInForce terms = contracts.inForce(clientId, contractId, utcToday.minusDays(1), utcToday.plusDays(1));
        List<String> keys = new ArrayList<>();
        terms.periods().stream().filter(p -> p.terms() != null && p.terms().slas() != null)
                .flatMap(p -> p.terms().slas().stream()).map(TermsInForce.Sla::key).filter(k -> !keys.contains(k))
                .forEach(keys::add);
        List<Intraday> result = new ArrayList<>();
        // the rollups are read bucket-aligned: up to the end of the bucket that holds now
        long bucket = io.bpo.reporting.rollup.Rollups.BUCKET.getSeconds();
        Instant upTo = Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), bucket) + 1) * bucket);
        for (String key : keys) {
            LocalDate localToday = SlaEngine.governing(terms.periods(), key,
                            SlaPeriod.containing(SlaPeriod.Kind.DAY, utcToday))
                    .map(g -> now.atZone(g.zone()).toLocalDate()).orElse(utcToday);
            SlaPeriod today = SlaPeriod.containing(SlaPeriod.Kind.DAY, localToday);
            var governing = SlaEngine.governing(terms.periods(), key, today);
            if (governing.isEmpty()) {
                continue;
            }
            SlaEngine.Governing g = governing.get();
            Instant from = today.from(g.zone());
            List<BucketTotals> buckets = List.of();
            List<io.bpo.reporting.measurement.Measurements.Measurement> measurements = List.of();
            if (g.metric().fromMeasurements()) {
                measurements = reads.measurements(clientId, contractId, key, from, today.to(g.zone()));
            } else {
                buckets = reads.buckets(clientId, from, upTo.isBefore(today.to(g.zone())) ? upTo : today.to(g.zone()),
                        scope(g.sla()));
            }
            Compliance c = engine().evaluate(terms.periods(), terms.currency(), key, today, buckets, measurements);
            result.add(new Intraday(c.status() == Status.WARNING || c.status() == Status.BREACHED, now, c));
        }
        return result;
    }

    /** When a record inside the periods of a month's numbers was last ingested (late records after a check). */
    public java.util.Optional<Instant> lastIngestedAt(String clientId, MonthCompliance month) {
        Instant from = null;
        Instant to = null;
        for (MonthlySla sla : month.slas()) {
            for (Compliance c : sla.periods()) {
                from = from == null || c.from().isBefore(from) ? c.from() : from;
                to = to == null || c.to().isAfter(to) ? c.to() : to;
            }
        }
        return from == null ? java.util.Optional.empty() : reads.lastIngestedAt(clientId, from, to);
    }

    /** The queues any SLA of the terms covers; empty (every queue) when one SLA names none. */
    static Set<String> queues(TermsInForce terms) {
        Set<String> queues = new HashSet<>();
        for (TermsInForce.Period p : terms.periods()) {
            if (p.terms() == null || p.terms().slas() == null) {
                continue;
            }
            for (TermsInForce.Sla sla : p.terms().slas()) {
                if (sla.scope() == null || sla.scope().isEmpty()) {
                    return Set.of();
                }
                queues.addAll(sla.scope());
            }
        }
        return queues;
    }

    private static Set<String> scope(TermsInForce.Sla sla) {
        return sla.scope() == null ? Set.of() : new HashSet<>(sla.scope());
    }
}

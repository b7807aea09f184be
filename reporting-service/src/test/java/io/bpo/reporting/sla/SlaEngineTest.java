package io.bpo.reporting.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bpo.reporting.contracts.TermsInForce;
import io.bpo.reporting.measurement.Measurements.Measurement;
import io.bpo.reporting.rollup.BucketTotals;
import io.bpo.reporting.rollup.SecondsDistribution;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SLA arithmetic with hand-computed expectations (each number in a comment is worked out by hand). */
class SlaEngineTest {
    static final String QUEUE = "appels-facturation";
    static final BigDecimal FEE = new BigDecimal("100000.00");
    static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    static final LocalDate MARCH_31 = LocalDate.parse("2026-03-31");
    static final SlaPeriod MARCH = SlaPeriod.containing(SlaPeriod.Kind.MONTH, MARCH_1);
    static final SlaEngine ENGINE = new SlaEngine(5);
    // Monday 2026-03-02 10:00 Paris (CET, UTC+1)
    static final Instant MONDAY_10H = Instant.parse("2026-03-02T09:00:00Z");

    // ---- builders -------------------------------------------------------------------------------------------

    static TermsInForce.Calendar paris(String saturdayCloses, LocalDate... holidays) {
        List<TermsInForce.OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new TermsInForce.OpeningHours(d, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        hours.add(new TermsInForce.OpeningHours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.parse(saturdayCloses)));
        return new TermsInForce.Calendar("fr", "Europe/Paris", hours, List.of(holidays));
    }

    static TermsInForce.Calendar allDay() {
        List<TermsInForce.OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.add(new TermsInForce.OpeningHours(d, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        return new TermsInForce.Calendar("fr", "Europe/Paris", hours, List.of());
    }

    static TermsInForce.Sla sla(String metric, String comparator, String target, String warning, Integer threshold,
            String period) {
        return new TermsInForce.Sla("sla", "the SLA", metric, comparator, new BigDecimal(target),
                warning == null ? null : new BigDecimal(warning), threshold, period, "fr", new BigDecimal("0.5"),
                List.of(QUEUE), new TermsInForce.ServiceCredit(new BigDecimal("2.5"), new BigDecimal("5")),
                new TermsInForce.Bonus(new BigDecimal("85"), new BigDecimal("1"), new BigDecimal("3")));
    }

    static TermsInForce.Period version(int number, LocalDate from, LocalDate to, TermsInForce.Sla sla,
            TermsInForce.Calendar calendar) {
        TermsInForce.Terms terms = new TermsInForce.Terms(new TermsInForce.Pricing("FIXED_FEE", FEE),
                List.of(calendar), List.of(), List.of(new TermsInForce.Objective("access", "QUALITY",
                        "Callers are answered quickly", List.of("sla"))), List.of(sla));
        return new TermsInForce.Period(from, to, number, number - 1, terms);
    }

    static List<TermsInForce.Period> march(TermsInForce.Sla sla) {
        return List.of(version(1, MARCH_1, MARCH_31, sla, paris("18:00")));
    }

    static SecondsDistribution dist(long... secondsThenCounts) {
        Map<Long, Long> m = new TreeMap<>();
        for (int i = 0; i < secondsThenCounts.length; i += 2) {
            m.merge(secondsThenCounts[i], secondsThenCounts[i + 1], Long::sum);
        }
        return new SecondsDistribution(m.keySet().stream().mapToLong(Long::longValue).toArray(),
                m.values().stream().mapToLong(Long::longValue).toArray());
    }

    /** Answered calls with the given waits (seconds, count pairs) and nothing else. */
    static BucketTotals answered(Instant at, long... waits) {
        SecondsDistribution d = dist(waits);
        long sum = 0;
        for (int i = 0; i < waits.length; i += 2) {
            sum += waits[i] * waits[i + 1];
        }
        return new BucketTotals(at, QUEUE, d.total(), d.total(), 0, 0, sum, d.total(), d, SecondsDistribution.EMPTY,
                0, 0, SecondsDistribution.EMPTY, 0, 0, 0, 0, BigDecimal.ZERO, 0);
    }

    static BucketTotals abandoned(Instant at, long unknownWait, long... waits) {
        SecondsDistribution d = dist(waits);
        long n = d.total() + unknownWait;
        return new BucketTotals(at, QUEUE, n, 0, n, 0, 0, 0, SecondsDistribution.EMPTY, d, 0, 0,
                SecondsDistribution.EMPTY, 0, 0, 0, 0, BigDecimal.ZERO, 0);
    }

    static Compliance slMarch(TermsInForce.Sla sla, BucketTotals... buckets) {
        return ENGINE.evaluate(march(sla), "EUR", "sla", MARCH, List.of(buckets), List.of());
    }

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    // ---- thresholds and comparators -------------------------------------------------------------------------

    @Test
    void answeredExactlyAtTheThresholdCountsAsWithin() {
        // 8 calls waited 20 s, 2 waited 21 s: 8 / 10 within 20 s = 80 %
        Compliance c = slMarch(sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH"), answered(MONDAY_10H, 20, 8, 21, 2));
        assertEquals(bd("80.00"), c.value());
        assertEquals(bd("8"), c.numerator());
        assertEquals(bd("10"), c.denominator());
        assertEquals(10, c.recordsCounted());
        assertEquals(Status.MET, c.status());
        assertEquals(bd("0.00"), c.margin());
    }

    @Test
    void greaterThanTargetIsExclusive() {
        Compliance c = slMarch(sla("SERVICE_LEVEL", "GT", "80", null, 20, "MONTH"), answered(MONDAY_10H, 20, 8, 21, 2));
        assertEquals(Status.BREACHED, c.status());
        assertEquals(bd("2.5"), c.creditPercent());
        assertEquals(bd("2500.00"), c.creditAmount()); // 2.5 % of 100,000.00
    }

    @Test
    void lessThanTargetIsExclusiveAndAtMostInclusive() {
        // ASA: (10×2 + 30×2) / 4 = 20 s
        BucketTotals b = answered(MONDAY_10H, 10, 2, 30, 2);
        assertEquals(Status.MET, slMarch(sla("AVERAGE_SPEED_OF_ANSWER", "LTE", "20", null, null, "MONTH"), b).status());
        assertEquals(Status.BREACHED, slMarch(sla("AVERAGE_SPEED_OF_ANSWER", "LT", "20", null, null, "MONTH"), b).status());
    }

    @Test
    void valueBetweenTargetAndWarningIsAWarning() {
        // 81 of 100 within 20 s: meets 80 but not the warning level 82
        Compliance c = slMarch(sla("SERVICE_LEVEL", "GTE", "80", "82", 20, "MONTH"), answered(MONDAY_10H, 5, 81, 40, 19));
        assertEquals(Status.WARNING, c.status());
        assertEquals(bd("1.00"), c.margin());
        assertEquals(bd("0"), c.creditPercent());
    }

    @Test
    void comparisonIsExactBeforeRounding() {
        // 2 of 3 = 66.666...%: displayed 66.67 but does not meet a target of 66.67
        Compliance c = slMarch(sla("SERVICE_LEVEL", "GTE", "66.67", null, 20, "MONTH"), answered(MONDAY_10H, 1, 2, 60, 1));
        assertEquals(bd("66.67"), c.value());
        assertEquals(Status.BREACHED, c.status());
    }

    // ---- abandoned calls ------------------------------------------------------------------------------------

    @Test
    void shortAbandonsAreLeftOutAndUnknownWaitsCount() {
        // 15 answered within 20 s; abandoned: 2 after 3 s (short, < 5 s), 1 after 5 s, 1 after 30 s, 1 unknown wait
        // counted abandoned = 5 - 2 = 3; abandonment = 3 / (15 + 3) = 16.666...%; service level = 15 / 18 = 83.33 %
        BucketTotals calls = answered(MONDAY_10H, 10, 15);
        BucketTotals gone = abandoned(MONDAY_10H.plusSeconds(900), 1, 3, 2, 5, 1, 30, 1);
        Compliance rate = slMarch(sla("ABANDONMENT_RATE", "LTE", "5", null, null, "MONTH"), calls, gone);
        assertEquals(bd("16.67"), rate.value());
        assertEquals(bd("3"), rate.numerator());
        assertEquals(bd("18"), rate.denominator());
        assertEquals(20, rate.recordsCounted());
        assertEquals(Status.BREACHED, rate.status());
        Compliance sl = slMarch(sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH"), calls, gone);
        assertEquals(bd("83.33"), sl.value());
        assertEquals(bd("18"), sl.denominator());
    }

    @Test
    void withoutAShortAbandonRuleEveryAbandonCounts() {
        BucketTotals calls = answered(MONDAY_10H, 10, 15);
        BucketTotals gone = abandoned(MONDAY_10H, 1, 3, 2, 5, 1, 30, 1);
        Compliance c = new SlaEngine(0).evaluate(march(sla("ABANDONMENT_RATE", "LTE", "5", null, null, "MONTH")),
                "EUR", "sla", MARCH, List.of(calls, gone), List.of());
        assertEquals(bd("25.00"), c.value()); // 5 / 20
    }

    // ---- empty periods ---------------------------------------------------------------------------------------

    @Test
    void anEmptyPeriodHasNoDataNotAHundredPercent() {
        Compliance c = slMarch(sla("SERVICE_LEVEL", "GTE", "80", "82", 20, "MONTH"));
        assertEquals(Status.NO_DATA, c.status());
        assertNull(c.value());
        assertNull(c.margin());
        assertEquals(0, c.recordsCounted());
        assertEquals(bd("0"), c.creditPercent());
        assertEquals(bd("0"), c.bonusPercent());
    }

    @Test
    void recordsOutsideTheCalendarOrScopeLeaveThePeriodEmpty() {
        // Sunday 2026-03-01 10:00 Paris is closed; another queue is out of scope
        BucketTotals sunday = answered(Instant.parse("2026-03-01T09:00:00Z"), 5, 10);
        BucketTotals otherQueue = new BucketTotals(MONDAY_10H, "courriels", 3, 3, 0, 0, 15, 3, dist(5, 3),
                SecondsDistribution.EMPTY, 0, 0, SecondsDistribution.EMPTY, 0, 0, 0, 0, BigDecimal.ZERO, 0);
        assertEquals(Status.NO_DATA, slMarch(sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH"), sunday, otherQueue)
                .status());
    }

    // ---- calendars: DST and holidays ------------------------------------------------------------------------

    @Test
    void openingHoursFollowLocalTimeAcrossTheDstChange() {
        // Paris moves to CEST on Sunday 2026-03-29. 08:00 opening = 07:00Z before, 06:00Z after.
        // Counted: Fri 27 07:00Z (08:00 CET) 1 call within, Mon 30 06:00Z (08:00 CEST) 1 call within.
        // Not counted: Fri 27 06:45Z (07:45 CET) and Mon 30 05:45Z (07:45 CEST), 1 late call each.
        Compliance c = slMarch(sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH"),
                answered(Instant.parse("2026-03-27T06:45:00Z"), 60, 1),
                answered(Instant.parse("2026-03-27T07:00:00Z"), 10, 1),
                answered(Instant.parse("2026-03-30T05:45:00Z"), 60, 1),
                answered(Instant.parse("2026-03-30T06:00:00Z"), 10, 1));
        assertEquals(2, c.recordsCounted());
        assertEquals(bd("100.00"), c.value());
    }

    @Test
    void closingTimeIsExclusive() {
        // Friday 2026-03-27 20:00 CET = 19:00Z is closed; 19:45 CET = 18:45Z is open
        Compliance c = slMarch(sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH"),
                answered(Instant.parse("2026-03-27T18:45:00Z"), 10, 1),
                answered(Instant.parse("2026-03-27T19:00:00Z"), 60, 1));
        assertEquals(1, c.recordsCounted());
    }

    @Test
    void holidaysAreClosed() {
        // Easter Monday 2026-04-06 is a holiday; Tuesday 2026-04-07 is not (10:00 CEST = 08:00Z)
        LocalDate april1 = LocalDate.parse("2026-04-01");
        TermsInForce.Sla sla = sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH");
        List<TermsInForce.Period> terms = List.of(version(1, april1, LocalDate.parse("2026-04-30"), sla,
                paris("18:00", LocalDate.parse("2026-04-06"))));
        Compliance c = ENGINE.evaluate(terms, "EUR", "sla", SlaPeriod.containing(SlaPeriod.Kind.MONTH, april1),
                List.of(answered(Instant.parse("2026-04-06T08:00:00Z"), 60, 7),
                        answered(Instant.parse("2026-04-07T08:00:00Z"), 10, 3)), List.of());
        assertEquals(3, c.recordsCounted());
        assertEquals(Status.MET, c.status());
    }

    @Test
    void periodBoundariesAreLocalMidnights() {
        // March in Paris is [2026-02-28T23:00Z, 2026-03-31T22:00Z): 23:00Z on Feb 28 is March 1, 00:00 local
        TermsInForce.Sla sla = sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH");
        List<TermsInForce.Period> terms = List.of(version(1, LocalDate.parse("2026-02-01"), MARCH_31, sla, allDay()));
        Compliance c = ENGINE.evaluate(terms, "EUR", "sla", MARCH, List.of(
                answered(Instant.parse("2026-02-28T22:45:00Z"), 60, 1),
                answered(Instant.parse("2026-02-28T23:00:00Z"), 10, 1),
                answered(Instant.parse("2026-03-31T21:45:00Z"), 10, 1),
                answered(Instant.parse("2026-03-31T22:00:00Z"), 60, 1)), List.of());
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), c.from());
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), c.to());
        assertEquals(2, c.recordsCounted());
        assertEquals(bd("100.00"), c.value());
    }

    // ---- credits and bonuses ---------------------------------------------------------------------------------

    @Test
    void dailyBreachesAddUpToTheMonthlyCap() {
        // 3 breached days x 2.5 % = 7.5 %, capped at 5 % of 100,000.00 = 5,000.00
        TermsInForce.Sla sla = sla("SERVICE_LEVEL", "GTE", "80", null, 20, "DAY");
        List<BucketTotals> buckets = List.of(
                answered(Instant.parse("2026-03-02T09:00:00Z"), 60, 1),
                answered(Instant.parse("2026-03-03T09:00:00Z"), 60, 1),
                answered(Instant.parse("2026-03-04T09:00:00Z"), 60, 1),
                answered(Instant.parse("2026-03-05T09:00:00Z"), 10, 1));
        MonthlySla m = ENGINE.month(march(sla), "EUR", MARCH_1, buckets, key -> List.of()).get(0);
        assertEquals(31, m.periods().size());
        assertEquals(3, m.breaches());
        assertEquals(Status.BREACHED, m.status());
        assertEquals(bd("5"), m.creditPercent());
        assertEquals(bd("5000.00"), m.creditAmount());
    }

    @Test
    void bonusIsAGainShareAboveTheStretchTargetCapped() {
        TermsInForce.Sla sla = sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH");
        // 85 / 100 = stretch reached: 1 %
        assertEquals(bd("1"), slMarch(sla, answered(MONDAY_10H, 5, 85, 40, 15)).bonusPercent());
        // 865 / 1000 = 86.5 %: 1 whole point beyond the stretch: 1 % + 1 % = 2 % = 2,000.00
        Compliance two = slMarch(sla, answered(MONDAY_10H, 5, 865, 40, 135));
        assertEquals(bd("2"), two.bonusPercent());
        assertEquals(bd("2000.00"), two.bonusAmount());
        // 95 %: 1 + 10 = 11 %, capped at 3 %
        assertEquals(bd("3"), slMarch(sla, answered(MONDAY_10H, 5, 95, 40, 5)).bonusPercent());
        // 84.9 %: below the stretch target, no bonus
        assertEquals(bd("0"), slMarch(sla, answered(MONDAY_10H, 5, 849, 40, 151)).bonusPercent());
    }

    // ---- effective-dated targets -----------------------------------------------------------------------------

    @Test
    void theVersionInForceOnThePeriodsLastDayGovernsTheTarget() {
        // v1 (target 80) until March 14, v2 (target 85) from March 15; 82 % over the month is judged against 85
        TermsInForce.Sla v1 = sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH");
        TermsInForce.Sla v2 = sla("SERVICE_LEVEL", "GTE", "85", null, 20, "MONTH");
        List<TermsInForce.Period> terms = List.of(
                version(1, MARCH_1, LocalDate.parse("2026-03-14"), v1, paris("18:00")),
                version(2, LocalDate.parse("2026-03-15"), MARCH_31, v2, paris("20:00")));
        Compliance c = ENGINE.evaluate(terms, "EUR", "sla", MARCH, List.of(answered(MONDAY_10H, 5, 82, 40, 18)),
                List.of());
        assertEquals(2, c.termsVersion());
        assertEquals(bd("85"), c.target());
        assertEquals(Status.BREACHED, c.status());
        assertEquals(bd("-3.00"), c.margin());
    }

    @Test
    void eachDayIsMeasuredOnTheOpeningHoursInForceThatDay() {
        // Saturday 18:30 CET: closed under v1 (March 7, closes 18:00), open under v2 (March 21, closes 20:00)
        TermsInForce.Sla s = sla("SERVICE_LEVEL", "GTE", "80", null, 20, "MONTH");
        List<TermsInForce.Period> terms = List.of(
                version(1, MARCH_1, LocalDate.parse("2026-03-14"), s, paris("18:00")),
                version(2, LocalDate.parse("2026-03-15"), MARCH_31, s, paris("20:00")));
        Compliance c = ENGINE.evaluate(terms, "EUR", "sla", MARCH, List.of(
                answered(Instant.parse("2026-03-07T17:30:00Z"), 60, 4),
                answered(Instant.parse("2026-03-21T17:30:00Z"), 10, 1)), List.of());
        assertEquals(1, c.recordsCounted());
    }

    // ---- the other catalogue metrics -------------------------------------------------------------------------

    @Test
    void averagesAndSharesOfTheOtherMetrics() {
        // handle 600 s over 4 = 150 s; FCR 3 of 4 = 75 %; CSAT 17 / 4 = 4.25; quality 350.5 / 4 = 87.625 -> 87.62
        // resolution within 300 s: 3 of 4 = 75 %
        BucketTotals b = new BucketTotals(MONDAY_10H, QUEUE, 4, 4, 0, 1, 40, 4, dist(10, 4), SecondsDistribution.EMPTY,
                600, 4, dist(100, 2, 300, 1, 301, 1), 3, 4, 17, 4, new BigDecimal("350.50"), 4);
        assertEquals(bd("150.00"), slMarch(sla("AVERAGE_HANDLE_TIME", "LTE", "180", null, null, "MONTH"), b).value());
        assertEquals(bd("75.00"), slMarch(sla("FIRST_CONTACT_RESOLUTION", "GTE", "70", null, null, "MONTH"), b).value());
        assertEquals(bd("4.25"), slMarch(sla("CSAT", "GTE", "4.2", null, null, "MONTH"), b).value());
        assertEquals(bd("87.62"), slMarch(sla("QUALITY_SCORE", "GTE", "85", null, null, "MONTH"), b).value());
        Compliance resolution = slMarch(sla("RESOLUTION_WITHIN_THRESHOLD", "GTE", "80", null, 300, "MONTH"), b);
        assertEquals(bd("75.00"), resolution.value());
        assertEquals(Status.BREACHED, resolution.status());
    }

    @Test
    void measurementMetricsComeFromPushedValues() {
        UUID contract = UUID.randomUUID();
        Instant w1 = Instant.parse("2026-03-02T00:00:00Z");
        Instant w2 = Instant.parse("2026-03-09T00:00:00Z");
        List<Measurement> errors = List.of(
                new Measurement(contract, "sla", w1, w2, bd("1.0"), bd("10"), bd("1000"), w2),
                new Measurement(contract, "sla", w2, w2.plusSeconds(604800), bd("3.0"), bd("30"), bd("1000"), w2));
        // (10 + 30) / (1000 + 1000) = 2 %: at most 2 % is met exactly
        Compliance e = ENGINE.evaluate(march(sla("ERROR_RATE", "LTE", "2", null, null, "MONTH")), "EUR", "sla", MARCH,
                List.of(), errors);
        assertEquals(bd("2.00"), e.value());
        assertEquals(bd("40"), e.numerator());
        assertEquals(Status.MET, e.status());
        assertEquals(2, e.recordsCounted());
        // the oldest backlog reported in the month: max(30, 50) = 50 h > 48 h
        List<Measurement> ages = List.of(new Measurement(contract, "sla", w1, w2, bd("30"), null, null, w2),
                new Measurement(contract, "sla", w2, w2, bd("50"), null, null, w2));
        Compliance a = ENGINE.evaluate(march(sla("BACKLOG_AGE", "LTE", "48", null, null, "MONTH")), "EUR", "sla",
                MARCH, List.of(), ages);
        assertEquals(bd("50.00"), a.value());
        assertEquals(Status.BREACHED, a.status());
    }

    @Test
    void weeksBelongToTheMonthTheyEndIn() {
        // March 2026 starts on a Sunday: weeks ending in March run Feb 23-Mar 1 ... Mar 23-29; Mar 30-Apr 5 is April's
        List<SlaPeriod> weeks = SlaEngine.periodsEndingIn(SlaPeriod.Kind.WEEK, MARCH);
        assertEquals(5, weeks.size());
        assertEquals(LocalDate.parse("2026-02-23"), weeks.get(0).first());
        assertEquals(LocalDate.parse("2026-03-29"), weeks.get(4).last());
    }
}

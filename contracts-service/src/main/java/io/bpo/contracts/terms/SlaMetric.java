package io.bpo.contracts.terms;

/**
 * The catalogue of measurable service levels. Each metric knows its unit, the direction in which it is good and
 * whether it needs a threshold (seconds or hours) to be computed.
 */
public enum SlaMetric {
    /** Share of offered contacts answered within thresholdSeconds (e.g. 80% in 20 s). */
    SERVICE_LEVEL(Unit.PERCENT, Comparator.GTE, true),
    AVERAGE_SPEED_OF_ANSWER(Unit.SECONDS, Comparator.LTE, false),
    ABANDONMENT_RATE(Unit.PERCENT, Comparator.LTE, false),
    AVERAGE_HANDLE_TIME(Unit.SECONDS, Comparator.LTE, false),
    FIRST_CONTACT_RESOLUTION(Unit.PERCENT, Comparator.GTE, false),
    /** Average customer satisfaction on a 1-5 scale. */
    CSAT(Unit.SCORE_1_5, Comparator.GTE, false),
    QUALITY_SCORE(Unit.SCORE_0_100, Comparator.GTE, false),
    /** Age of the oldest open back-office item, in hours. */
    BACKLOG_AGE(Unit.HOURS, Comparator.LTE, false),
    ERROR_RATE(Unit.PERCENT, Comparator.LTE, false),
    /** Share of items resolved within thresholdSeconds. */
    RESOLUTION_WITHIN_THRESHOLD(Unit.PERCENT, Comparator.GTE, true);

    public enum Unit {
        PERCENT(0, 100), SECONDS(0, 86_400 * 30), HOURS(0, 24 * 365), SCORE_1_5(1, 5), SCORE_0_100(0, 100);

        public final double min;
        public final double max;

        Unit(double min, double max) {
            this.min = min;
            this.max = max;
        }
    }

    public final Unit unit;
    public final Comparator goodDirection;
    public final boolean needsThreshold;

    SlaMetric(Unit unit, Comparator goodDirection, boolean needsThreshold) {
        this.unit = unit;
        this.goodDirection = goodDirection;
        this.needsThreshold = needsThreshold;
    }
}

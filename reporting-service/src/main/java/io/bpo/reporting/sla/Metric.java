package io.bpo.reporting.sla;

/** contracts-service's SLA metric catalogue, with what the engine needs to know of each. */
public enum Metric {
    SERVICE_LEVEL("PERCENT", true, true),
    AVERAGE_SPEED_OF_ANSWER("SECONDS", false, false),
    ABANDONMENT_RATE("PERCENT", false, false),
    AVERAGE_HANDLE_TIME("SECONDS", false, false),
    FIRST_CONTACT_RESOLUTION("PERCENT", true, false),
    CSAT("SCORE_1_5", true, false),
    QUALITY_SCORE("SCORE_0_100", true, false),
    /** From pushed KPI measurements: the worst (largest) age reported in the period, in hours. */
    BACKLOG_AGE("HOURS", false, false),
    /** From pushed KPI measurements: errors over items when they say so, else the mean of the values. */
    ERROR_RATE("PERCENT", false, false),
    RESOLUTION_WITHIN_THRESHOLD("PERCENT", true, true);

    public final String unit;
    public final boolean higherIsBetter;
    public final boolean needsThreshold;

    Metric(String unit, boolean higherIsBetter, boolean needsThreshold) {
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.needsThreshold = needsThreshold;
    }

    public boolean fromMeasurements() {
        return this == BACKLOG_AGE || this == ERROR_RATE;
    }
}

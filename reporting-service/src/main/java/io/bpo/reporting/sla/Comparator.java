package io.bpo.reporting.sla;

import java.math.BigDecimal;

/** How a value meets a level: at least (GTE), more than (GT), at most (LTE), less than (LT). */
public enum Comparator {
    GTE, GT, LTE, LT;

    public boolean higherIsBetter() {
        return this == GTE || this == GT;
    }

    /** Whether {@code value} meets {@code level}: inclusive for GTE/LTE, exclusive for GT/LT. */
    public boolean meets(BigDecimal value, BigDecimal level) {
        int c = value.compareTo(level);
        return switch (this) {
            case GTE -> c >= 0;
            case GT -> c > 0;
            case LTE -> c <= 0;
            case LT -> c < 0;
        };
    }

    /** How far {@code value} is on the good side of {@code level} (negative: on the bad side). */
    public BigDecimal margin(BigDecimal value, BigDecimal level) {
        return higherIsBetter() ? value.subtract(level) : level.subtract(value);
    }
}

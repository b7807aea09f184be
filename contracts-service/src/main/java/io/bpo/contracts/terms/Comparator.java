package io.bpo.contracts.terms;

/** How the measured value is compared with the target: at least (GTE, GT) or at most (LTE, LT). */
public enum Comparator {
    GTE, GT, LTE, LT;

    public boolean higherIsBetter() {
        return this == GTE || this == GT;
    }
}

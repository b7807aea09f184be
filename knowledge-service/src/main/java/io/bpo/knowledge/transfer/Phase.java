package io.bpo.knowledge.transfer;

/** The phases of a knowledge transfer, in order; go-live needs every phase before it ready. */
public enum Phase {
    DISCOVERY, DOCUMENTATION, TRAINING, SHADOWING, REVERSE_SHADOWING, GO_LIVE, STABILISATION;

    public boolean beforeGoLive() {
        return ordinal() < GO_LIVE.ordinal();
    }
}

package io.bpo.reporting.sla;

/** Outcome of an SLA over a period. NO_DATA: nothing was measured, which is neither met nor breached. */
public enum Status {
    MET, WARNING, BREACHED, NO_DATA
}

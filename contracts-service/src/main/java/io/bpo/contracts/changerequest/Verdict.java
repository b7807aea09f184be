package io.bpo.contracts.changerequest;

/** One side's decision on a change request. */
public enum Verdict {
    APPROVED, REJECTED
}

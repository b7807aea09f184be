package io.bpo.contracts.changerequest;

/**
 * PENDING until it is closed one way or another: APPLIED (both parties approved; it produced a contract version),
 * REJECTED (either party refused; final), WITHDRAWN (its raising party took it back) or SUPERSEDED (another
 * amendment was applied first, so it no longer proposes a change to the terms in force; raise a new one).
 */
public enum ChangeRequestStatus {
    PENDING, APPLIED, REJECTED, WITHDRAWN, SUPERSEDED
}

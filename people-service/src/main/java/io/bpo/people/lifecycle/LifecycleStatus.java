package io.bpo.people.lifecycle;

/** ACTIVE ⇄ SUSPENDED → OFFBOARDED (exported, retained) → DELETED (after the retention period). */
public enum LifecycleStatus {
    ACTIVE, SUSPENDED, OFFBOARDED, DELETED;

    /** Whether the client's people are refused (the revocation feed lists the client). */
    public boolean refusesAccess() {
        return this != ACTIVE;
    }
}

package io.bpo.contracts.contract;

/** Lifecycle: DRAFT, then ACTIVE, SUSPENDED, and TERMINATED or EXPIRED. */
public enum ContractStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED, EXPIRED;

    /** The lifecycle's legal moves; EXPIRED is reached by the calendar, never by a request. */
    public boolean mayBecome(ContractStatus next) {
        return switch (this) {
            case DRAFT -> next == ACTIVE;
            case ACTIVE -> next == SUSPENDED || next == TERMINATED;
            case SUSPENDED -> next == ACTIVE || next == TERMINATED;
            case TERMINATED, EXPIRED -> false;
        };
    }
}

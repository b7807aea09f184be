package io.bpo.contracts.contract;

/** Lifecycle: DRAFT, then ACTIVE, SUSPENDED, and TERMINATED or EXPIRED. */
public enum ContractStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED, EXPIRED;

    /** This stored status as of a date: an ACTIVE or SUSPENDED contract past its end date is EXPIRED. */
    public ContractStatus asOf(java.time.LocalDate today, java.time.LocalDate endDate) {
        boolean running = this == ACTIVE || this == SUSPENDED;
        return running && endDate != null && today.isAfter(endDate) ? EXPIRED : this;
    }

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

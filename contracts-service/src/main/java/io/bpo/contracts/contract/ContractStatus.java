package io.bpo.contracts.contract;

/** Lifecycle: DRAFT, then ACTIVE, SUSPENDED, and TERMINATED or EXPIRED. */
public enum ContractStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED, EXPIRED
}

package io.bpo.contracts.contract;

/** Where the work is done relative to the client's country. */
public enum DeliveryLocation {
    ONSHORE, NEARSHORE, OFFSHORE
}

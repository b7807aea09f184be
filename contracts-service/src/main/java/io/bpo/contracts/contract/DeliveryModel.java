package io.bpo.contracts.contract;

/** OUTSOURCED: provider's centre and staff; HOSTED: client's agents hosted in the provider's centre; INSOURCED: provider staff on the client's infrastructure. */
public enum DeliveryModel {
    OUTSOURCED, HOSTED, INSOURCED
}

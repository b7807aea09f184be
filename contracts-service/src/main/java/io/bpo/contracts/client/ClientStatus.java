package io.bpo.contracts.client;

public enum ClientStatus {
    ACTIVE, SUSPENDED, OFFBOARDED
}

package io.bpo.contracts.client;

import java.time.Instant;

public record ClientView(String id, String legalName, String country, String sector, ClientStatus status,
        long version, Instant createdAt, Instant updatedAt) {

    static ClientView of(Client client) {
        return new ClientView(client.id, client.legalName, client.country, client.sector, client.status,
                client.version, client.createdAt, client.updatedAt);
    }
}

package io.bpo.people.revocation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the gateway and the services refuse right now: every token naming a suspended client as its only clients,
 * every request for a suspended client, and each listed person's tokens issued at or before the instant given.
 */
@Schema(description = "Suspended clients and revoked people, polled by the gateway and the services")
public record RevocationFeed(Instant asOf, List<String> suspendedClients, List<Subject> subjects) {

    public record Subject(String subject, Instant revokedAt) {
    }
}

package io.bpo.people.revocation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The revocation feed, outside /api/v1: the gateway does not route it, so only what the network lets reach
 * people-service (the gateway and the services; the NetworkPolicy in Kubernetes) polls it. It names ids and
 * instants only, no client data.
 */
@Path("/internal/revocations")
@Tag(name = "Revocations")
public class RevocationFeedResource {

    private final Revocations revocations;

    RevocationFeedResource(Revocations revocations) {
        this.revocations = revocations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspended clients and revoked people (polled every few seconds by the gateway)")
    public RevocationFeed feed() {
        return revocations.feed();
    }
}

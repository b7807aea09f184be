package io.bpo.notifications.event;

import io.bpo.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The intake of the producing services' outbox relays: service to service, never routed by the gateway, called
 * with the producing service's own client-credentials token.
 */
@Path("/internal/v1/events")
@Tag(name = "Event intake (services only)")
public class EventResource {
    public static final String PUBLISHER_ROLE = "event-publisher";

    @Inject
    EventIntake intake;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(PUBLISHER_ROLE)
    @Operation(summary = "Receive a batch of events (at least once: an event id already received is ignored)")
    public EventIntake.Receipt receive(@Valid @NotNull IncomingEvents batch) {
        return intake.receive(caller.userName(), batch.events());
    }
}

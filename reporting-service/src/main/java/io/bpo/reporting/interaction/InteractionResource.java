package io.bpo.reporting.interaction;

import io.bpo.kit.http.Page;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients/{clientId}/reporting/interactions")
@Tag(name = "Interactions", description = "Interaction records (calls, e-mails, chats, back-office items)")
@SecurityRequirement(name = "bearer")
@Authenticated
public class InteractionResource {
    @Inject
    InteractionService interactions;

    // Parameters arrive as strings: a value that does not convert must be a 400 naming it, not JAX-RS's 404.
    @GET
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "List interaction records of a period",
            description = "Records offered in the window, in (offeredAt, id) order. Without period, from or to: the"
                    + " current calendar month in UTC.")
    @APIResponse(responseCode = "200", description = "One page; nextCursor is null on the last")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in errors")
    public Page<InteractionView> list(@PathParam("clientId") String clientId,
            @Parameter(description = "A calendar month in UTC, YYYY-MM; not with from/to", example = "2026-03")
            @QueryParam("period") String period,
            @Parameter(description = "Window start, inclusive (ISO-8601 instant); requires to",
                    example = "2026-03-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Window end, exclusive (ISO-8601 instant); requires from",
                    example = "2026-03-08T00:00:00Z") @QueryParam("to") String to,
            @Parameter(description = "PHONE, EMAIL, CHAT or BACK_OFFICE") @QueryParam("channel") String channel,
            @Parameter(description = "Exact queue name") @QueryParam("queue") String queue,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1-500, default 100") @QueryParam("limit") String limit) {
        return interactions.list(InteractionQuery.parse(period, from, to, channel, queue, cursor, limit, Instant.now()));
    }

    @GET
    @Path("/{interactionId}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Get one interaction record")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "404", description = "No such record for this client")
    public InteractionView get(@PathParam("clientId") String clientId,
            @PathParam("interactionId") UUID interactionId) {
        return interactions.get(interactionId);
    }
}

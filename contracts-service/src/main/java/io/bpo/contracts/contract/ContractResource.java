package io.bpo.contracts.contract;

import io.bpo.kit.http.QueryParams;
import io.bpo.kit.http.ETags;
import io.bpo.kit.http.Page;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/contracts")
@Tag(name = "Contracts", description = "What a client outsourced and on what terms")
@SecurityRequirement(name = "bearer")
@Authenticated
public class ContractResource {
    private static final String BASE = "/api/v1/clients/%s/contracts/%s";

    @Inject
    ContractService contracts;

    @POST
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Create a contract (status DRAFT)")
    @APIResponse(responseCode = "201", description = "Created; ETag carries the version for later updates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "409", description = "The reference is already used by this client")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public RestResponse<ContractView> create(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes a retried create safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ContractDetails terms) {
        Idempotency.Outcome<ContractView> outcome = contracts.create(terms, idempotencyKey);
        ContractView created = outcome.response();
        return RestResponse.ResponseBuilder.<ContractView>created(URI.create(BASE.formatted(clientId, created.id())))
                .entity(created).tag(String.valueOf(created.version()))
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }

    @GET
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "List the client's contracts, oldest first")
    public Page<ContractView> list(@PathParam("clientId") String clientId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1-200, default 50") @QueryParam("limit") String limit) {
        return contracts.list(cursor, QueryParams.limit(limit));
    }

    @GET
    @Path("/deadlines")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Upcoming notice and end dates",
            description = "Notice deadlines (end date minus notice period) and end dates of the client's running "
                    + "contracts within the next withinDays days (default 90, at most 3650), soonest first.")
    public List<Deadline> deadlines(@PathParam("clientId") String clientId,
            @Parameter(description = "horizon in days, 0-3650, default 90") @QueryParam("withinDays") String withinDays) {
        return contracts.deadlines(QueryParams.intValue("withinDays", withinDays, 90, 0, 3650));
    }

    @GET
    @Path("/{contractId}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Get a contract")
    @APIResponse(responseCode = "200", description = "The contract; ETag carries its version for later updates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    public RestResponse<ContractView> get(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId) {
        ContractView contract = contracts.get(contractId);
        return RestResponse.ResponseBuilder.ok(contract).tag(String.valueOf(contract.version())).build();
    }

    @PUT
    @Path("/{contractId}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Replace a contract's terms", description = "Requires If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Replaced; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "409", description = "contract-reference-taken (another of the client's contracts "
            + "has the reference), contract-closed, contract-not-draft (the term of a running contract changes by a "
            + "change request)")
    @APIResponse(responseCode = "412", description = "The contract changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ContractView> update(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId,
            @Parameter(required = true, description = "The contract's ETag") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ContractDetails terms) {
        long expected = ETags.requireIfMatch(ifMatch);
        ContractView updated = contracts.update(contractId, expected, terms);
        return RestResponse.ResponseBuilder.ok(updated).tag(String.valueOf(updated.version())).build();
    }

    @POST
    @Path("/{contractId}/{transition: activate|suspend|resume|terminate}")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    @Operation(summary = "Move the contract's lifecycle",
            description = "activate (DRAFT to ACTIVE, once the terms name a process in scope), suspend (ACTIVE to "
                    + "SUSPENDED), resume (SUSPENDED to ACTIVE), terminate (ACTIVE or SUSPENDED to TERMINATED). "
                    + "EXPIRED follows the end date by itself. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Moved; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "409", description = "Not a legal move from the current status")
    @APIResponse(responseCode = "412", description = "The contract changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ContractView> transition(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId,
            @Parameter(description = "The move", schema = @Schema(enumeration = {"activate", "suspend", "resume",
                    "terminate"})) @PathParam("transition") String transition,
            @Parameter(required = true, description = "The contract's ETag") @HeaderParam("If-Match") String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        ContractStatus next = switch (transition) {
            case "activate", "resume" -> ContractStatus.ACTIVE;
            case "suspend" -> ContractStatus.SUSPENDED;
            default -> ContractStatus.TERMINATED;
        };
        ContractStatus from = switch (transition) {
            case "activate" -> ContractStatus.DRAFT;
            case "resume" -> ContractStatus.SUSPENDED;
            default -> null;
        };
        ContractView moved = contracts.transition(contractId, expected, from, next);
        return RestResponse.ResponseBuilder.ok(moved).tag(String.valueOf(moved.version())).build();
    }
}

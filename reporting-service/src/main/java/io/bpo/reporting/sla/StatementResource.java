package io.bpo.reporting.sla;

import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients/{clientId}/reporting/contracts/{contractId}/statements/{month}")
@Tag(name = "SLA statements", description = "Monthly statements accepted by both parties, frozen and hashed")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {
    @Inject
    StatementService statements;

    @GET
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "The monthly statement",
            description = "Its content (hashed, SHA-256 of the canonical JSON), each party's acceptance, and whether "
                    + "records of the month arrived after it was last checked (lateRecordsPending: they change "
                    + "nothing until a recompute).")
    @APIResponse(responseCode = "200", description = "The statement")
    @APIResponse(responseCode = "404", description = "No statement yet (nobody accepted the month) or no such contract")
    public StatementView get(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @Parameter(example = "2026-03") @PathParam("month") String month) {
        return statements.get(clientId, contractId, SlaParams.month("month", month));
    }

    @POST
    @Path("/accept")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Accept the month's statement for your side",
            description = "account-manager accepts for the provider, client-manager for the client. The first "
                    + "acceptance computes and stores the statement; the second freezes it (immutable from then "
                    + "on). Only for a finished month.")
    @APIResponse(responseCode = "200", description = "The statement after the acceptance")
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    @APIResponse(responseCode = "409", description = "Month not over, your side already accepted, or frozen")
    public StatementView accept(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @Parameter(example = "2026-03") @PathParam("month") String month) {
        return statements.accept(clientId, contractId, SlaParams.month("month", month), Instant.now());
    }

    @POST
    @Path("/recompute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Recompute the statement from the records as they are now (logged)",
            description = "The only way a frozen statement changes: new numbers re-open it (both parties accept "
                    + "again); the same numbers leave it as it was. Every recompute is logged with who, when, why "
                    + "and the content before and after.")
    @APIResponse(responseCode = "200", description = "The statement after the recompute")
    @APIResponse(responseCode = "400", description = "reason is missing or too long")
    @APIResponse(responseCode = "404", description = "No statement for this month, or no such contract")
    public StatementView recompute(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @Parameter(example = "2026-03") @PathParam("month") String month,
            @Valid @NotNull RecomputeRequest body) {
        return statements.recompute(clientId, contractId, SlaParams.month("month", month), body.reason(),
                Instant.now());
    }

    @GET
    @Path("/recomputations")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "The log of the statement's recomputes, oldest first")
    @APIResponse(responseCode = "200", description = "The log")
    @APIResponse(responseCode = "404", description = "No statement for this month, or no such contract")
    public List<RecomputationView> recomputations(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId, @Parameter(example = "2026-03") @PathParam("month") String month) {
        return statements.recomputations(contractId, SlaParams.month("month", month));
    }
}

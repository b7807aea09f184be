package io.bpo.reporting.report;

import io.bpo.kit.security.Roles;
import io.bpo.reporting.sla.SlaParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients/{clientId}/reporting/portfolio")
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {
    @Inject
    PortfolioService portfolio;

    @GET
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Every contract of the client over a month, one line each",
            description = "Contracts that ran during the month (not DRAFT): worst SLA status, breaches, credits, "
                    + "bonuses and the statement's state. GET /api/v1/reporting/portfolio answers it for every "
                    + "client of the token in one call.")
    @APIResponse(responseCode = "200", description = "The portfolio")
    @APIResponse(responseCode = "400", description = "month is missing or malformed")
    public Portfolio get(@PathParam("clientId") String clientId,
            @Parameter(required = true, example = "2026-03") @QueryParam("month") String month) {
        return portfolio.portfolio(clientId, SlaParams.month("month", month), Instant.now());
    }
}

package io.bpo.reporting.report;

import io.bpo.kit.problem.Problem;
import io.bpo.kit.security.Roles;
import io.bpo.reporting.sla.SlaParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The portfolio across the caller's clients: no client in the path, the clients come from the token. */
@Path("/api/v1/reporting/portfolio")
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ClientsPortfolioResource {
    static final String EXAMPLE = """
            {"month": "2026-03", "complete": true,
             "clients": [
              {"clientId": "acme", "status": "OK", "contracts": [
                {"contractId": "4f1c2b9e-8a51-4c2e-9a44-0f3a8d7b6c21", "reference": "ACME-BPO-2026-01",
                 "title": "Customer service", "contractStatus": "ACTIVE", "status": "BREACHED", "slas": 3,
                 "breaches": 1, "totalCredit": 4410.00, "totalBonus": 0.00, "currency": "EUR", "statement": "NONE"}]},
              {"clientId": "globex", "status": "UNAVAILABLE", "contracts": [],
               "problem": {"type": "https://bpo.example/problems/contracts-unavailable", "status": 503,
                           "detail": "The contract terms could not be read from contracts-service; try again shortly"}}],
             "totals": [{"currency": "EUR", "contracts": 1, "breaches": 1, "totalCredit": 4410.00, "totalBonus": 0.00}]}
            """;

    @Inject
    ClientsPortfolioService portfolio;

    @GET
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER})
    @Operation(summary = "Every client's portfolio over a month, in one call",
            description = "One section per client of the access token's tenants (the token alone decides: a "
                    + "client not in it never appears, and there is no parameter to name clients), each with the "
                    + "lines of GET /api/v1/clients/{clientId}/reporting/portfolio, then totals per currency "
                    + "(contracts, breaches, credits, bonuses; currencies are never added together). Each client "
                    + "is read on its own, bound for row-level security. When contracts-service cannot answer for "
                    + "a client, that section is UNAVAILABLE with the problem, `complete` is false, the totals "
                    + "leave it out, and once contracts-service is found unavailable the remaining clients are "
                    + "answered UNAVAILABLE without waiting for it again. provider-admin is refused: it reads "
                    + "no contracts (docs/decisions/0019).")
    @APIResponse(responseCode = "200", description = "The sections and totals (possibly partial: see complete)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientsPortfolio.class),
                    examples = @ExampleObject(name = "one client unavailable", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "month is missing or malformed (named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad month", value = """
                            {"type": "https://bpo.example/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "month: must be a month YYYY-MM between 2000-01 and 2999-12",
                             "errors": [{"field": "month",
                                         "reason": "must be a month YYYY-MM between 2000-01 and 2999-12"}]}""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role may not read portfolios (only account-manager and "
            + "client-manager may)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientsPortfolio get(@Parameter(required = true, description = "The month, YYYY-MM", example = "2026-03")
            @QueryParam("month") String month) {
        return portfolio.portfolio(SlaParams.month("month", month), Instant.now());
    }
}

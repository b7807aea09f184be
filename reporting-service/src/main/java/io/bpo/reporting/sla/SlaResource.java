package io.bpo.reporting.sla;

import io.bpo.kit.security.Roles;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients/{clientId}/reporting/contracts/{contractId}")
@Tag(name = "SLA compliance", description = "SLA values, targets in force, breaches, credits and bonuses")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {
    @Inject
    ComplianceService compliance;

    @GET
    @Path("/slas/{slaKey}/compliance")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Compliance of one SLA over one period",
            description = "The period (the SLA's own unless `period` says otherwise) containing `date`, in the SLA "
                    + "calendar's time zone: the value from the records inside the service hours and scope, the "
                    + "target of the version in force on the period's last day, status, margin, credit and bonus, "
                    + "and the numbers behind the value. NO_DATA when nothing was measured.")
    @APIResponse(responseCode = "200", description = "The compliance")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; named in errors")
    @APIResponse(responseCode = "404", description = "No such contract for this client, or the SLA is not in force")
    @APIResponse(responseCode = "502", description = "contracts-service answered with an error")
    @APIResponse(responseCode = "503", description = "contracts-service is unavailable")
    public Compliance one(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @Parameter(example = "niveau-de-service-20s") @PathParam("slaKey") String slaKey,
            @Parameter(required = true, description = "Any day of the period, YYYY-MM-DD", example = "2026-03-15")
            @QueryParam("date") String date,
            @Parameter(description = "DAY, WEEK (ISO, Monday-Sunday) or MONTH; default: the SLA's period")
            @QueryParam("period") String period) {
        return compliance.one(clientId, contractId, SlaParams.slaKey(slaKey), SlaParams.date("date", date),
                SlaParams.period(period));
    }

    @GET
    @Path("/compliance")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Every SLA of a contract over a month",
            description = "Each SLA over its periods that end in the month (one for a monthly SLA), its breaches and "
                    + "the month's credit and bonus, each capped; totals for the contract.")
    @APIResponse(responseCode = "200", description = "The month")
    @APIResponse(responseCode = "400", description = "month is missing or malformed")
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    @APIResponse(responseCode = "502", description = "contracts-service answered with an error")
    @APIResponse(responseCode = "503", description = "contracts-service is unavailable")
    public MonthCompliance month(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @Parameter(required = true, description = "YYYY-MM", example = "2026-03") @QueryParam("month") String month) {
        return compliance.month(clientId, contractId, SlaParams.month("month", month), Instant.now());
    }

    @GET
    @Path("/intraday")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Today's running value of each SLA and whether it is at risk",
            description = "Today in each SLA's calendar time zone, from local midnight up to now (the current "
                    + "15-minute bucket included). At risk: WARNING or BREACHED so far.")
    @APIResponse(responseCode = "200", description = "One entry per SLA in force today")
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    public List<Intraday> intraday(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId) {
        return compliance.intraday(clientId, contractId, Instant.now());
    }
}

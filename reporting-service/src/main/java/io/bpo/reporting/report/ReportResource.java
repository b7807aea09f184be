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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** One report, four representations chosen by {@code Accept}. */
@Path("/api/v1/clients/{clientId}/reporting/contracts/{contractId}/reports/{month}")
@Tag(name = "Reports", description = "Monthly service review per contract: JSON, CSV, HTML, PDF")
@SecurityRequirement(name = "bearer")
@Authenticated
public class ReportResource {
    public static final String CSV = "text/csv";
    public static final String PDF = "application/pdf";

    @Inject
    ReportService reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Monthly service review (Accept: application/json, text/csv, text/html or application/pdf)",
            description = "The month's SLAs (the frozen statement when both parties accepted it, else live numbers), "
                    + "breaches, credits, bonuses, objectives, and each SLA over the last twelve months.")
    @APIResponse(responseCode = "200", description = "The review in the representation asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "One row per SLA "
                    + "period: month,slaKey,name,metric,unit,period,periodLabel,...,creditAmount,bonusAmount,currency")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING,
                    description = "XHTML page with an inline SVG chart per SLA")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "month is malformed")
    @APIResponse(responseCode = "502", description = "contracts-service answered with an error")
    @APIResponse(responseCode = "503", description = "contracts-service is unavailable")
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    public MonthReport json(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @Parameter(example = "2026-03") @PathParam("month") String month) {
        return reports.report(clientId, contractId, SlaParams.month("month", month), Instant.now());
    }

    @GET
    @Produces(CSV + ";charset=UTF-8")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(hidden = true)
    public RestResponse<String> csv(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @PathParam("month") String month) {
        MonthReport report = reports.report(clientId, contractId, SlaParams.month("month", month), Instant.now());
        return RestResponse.ResponseBuilder.ok(CsvReport.render(report.month()), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"sla-" + contractId + "-" + month + ".csv\"")
                .build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(hidden = true)
    public String html(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @PathParam("month") String month) {
        return HtmlReport.render(reports.report(clientId, contractId, SlaParams.month("month", month), Instant.now()));
    }

    @GET
    @Produces(PDF)
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(hidden = true)
    public RestResponse<byte[]> pdf(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @PathParam("month") String month) {
        MonthReport report = reports.report(clientId, contractId, SlaParams.month("month", month), Instant.now());
        return RestResponse.ResponseBuilder.ok(PdfReport.render(HtmlReport.render(report)), PDF)
                .header("Content-Disposition", "inline; filename=\"service-review-" + contractId + "-" + month
                        + ".pdf\"").build();
    }
}

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    @Produces({MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML, PDF})
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "Monthly service review (Accept: application/json, text/csv, text/html or application/pdf)",
            description = "The month's SLAs (the frozen statement when both parties accepted it, else live numbers), "
                    + "breaches, credits, bonuses, objectives, and each SLA over the last twelve months. JSON when "
                    + "the request accepts anything.")
    @APIResponse(responseCode = "200", description = "The review in the representation asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "One row per SLA "
                    + "period: month,slaKey,name,metric,unit,period,periodLabel,...,creditAmount,bonusAmount,currency")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING,
                    description = "XHTML page with an inline SVG chart per SLA")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "month is malformed")
    @APIResponse(responseCode = "404", description = "No such contract for this client")
    @APIResponse(responseCode = "406", description = "None of the four representations is acceptable")
    @APIResponse(responseCode = "502", description = "contracts-service answered with an error")
    @APIResponse(responseCode = "503", description = "contracts-service is unavailable")
    public Response report(@PathParam("clientId") String clientId,
            @PathParam("contractId") UUID contractId,
            @Parameter(example = "2026-03") @PathParam("month") String month, @Context HttpHeaders headers) {
        String type = representation(headers);
        MonthReport report = reports.report(clientId, contractId, SlaParams.month("month", month), Instant.now());
        return switch (type) {
            case CSV -> Response.ok(CsvReport.render(report.month()), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"sla-" + contractId + "-" + month
                            + ".csv\"").build();
            case MediaType.TEXT_HTML -> Response.ok(HtmlReport.render(report), MediaType.TEXT_HTML + ";charset=UTF-8")
                    .build();
            // the entity's own class picks the writer at run time: bytes for the PDF
            case PDF -> Response.ok(PdfReport.render(HtmlReport.render(report)), PDF)
                    .header("Content-Disposition", "inline; filename=\"service-review-" + contractId + "-" + month
                            + ".pdf\"").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }

    /** The caller's most preferred representation we have; JSON for a wildcard or no Accept at all. */
    static String representation(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (String offered : new String[] {MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML, PDF}) {
                if (accepted.isCompatible(MediaType.valueOf(offered))) {
                    return offered;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}

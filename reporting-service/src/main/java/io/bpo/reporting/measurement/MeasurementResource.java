package io.bpo.reporting.measurement;

import io.bpo.kit.http.QueryParams;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import io.bpo.kit.security.Roles;
import io.bpo.reporting.ingestion.IngestionResult;
import io.bpo.reporting.interaction.TimeBounds;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/reporting/measurements")
@Tag(name = "KPI measurements", description = "Pre-aggregated KPI values pushed by the provider's tools, per SLA and "
        + "period, checked against the contract's terms in force")
@SecurityRequirement(name = "bearer")
@Authenticated
public class MeasurementResource {
    static final int MAX_BATCH = 10_000;

    @Inject
    MeasurementService measurements;

    @Inject
    MeasurementChecks checks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTING_INGEST, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Ingest pre-aggregated KPI measurements",
            description = "For processes that are not contact-centre interactions (a back office's error rate, its"
                    + " backlog age): one value per contract, SLA and period. All or nothing: an invalid"
                    + " measurement refuses the batch, each error named [index].field. A measurement whose"
                    + " (contractId, slaKey, periodStart) the client already has is a duplicate: the first value"
                    + " stays. Each measurement must name a contract of the client and an SLA of that contract"
                    + " in force during its period, measured from KPI measurements (ERROR_RATE, BACKLOG_AGE), as"
                    + " contracts-service's terms in force say: otherwise the batch is refused with a 422 naming"
                    + " [index].contractId, [index].periodStart or [index].slaKey. When contracts-service cannot"
                    + " answer, the answer is a 503 and nothing is stored.")
    @APIResponse(responseCode = "200", description = "Stored; received = created + duplicates")
    @APIResponse(responseCode = "400", description = "Unreadable body, or invalid measurements (each listed in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A measurement names no contract of the client, or no SLA of it"
            + " in force during its period (type measurement-not-in-contract, each listed in errors); or the"
            + " Idempotency-Key was reused with a different body (type idempotency-key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown SLA", value = """
                            {"type": "https://bpo.example/problems/measurement-not-in-contract",
                             "title": "Measurement not in the contract's terms", "status": 422,
                             "detail": "1 measurement does not match a contract of client globex and an SLA of it in force during the period; nothing was stored",
                             "errors": [{"field": "[0].slaKey", "reason": "is not an SLA of contract 4f1c2b9e-8a51-4c2e-9a44-0f3a8d7b6c21 in force between 2026-03-01 and 2026-03-31 (UTC dates)"}]}""")))
    @APIResponse(responseCode = "502", description = "contracts-service answered with an error; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "contracts-service is unavailable, so the measurements could not"
            + " be checked; nothing stored (type contracts-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<IngestionResult> ingest(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes a retried batch safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                            type = SchemaType.ARRAY, implementation = MeasurementRecord.class, minItems = 1,
                            maxItems = MAX_BATCH)))
            @NotNull @Size(min = 1, max = MAX_BATCH, message = "must hold 1 to " + MAX_BATCH + " measurements")
            List<@NotNull @Valid MeasurementRecord> body) {
        // contracts-service is read before the storing transaction opens
        checks.requireInContract(clientId, body);
        Idempotency.Outcome<IngestionResult> outcome = measurements.ingest(body, idempotencyKey);
        return RestResponse.ResponseBuilder.ok(outcome.response())
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER})
    @Operation(summary = "KPI measurements of a contract's SLA",
            description = "In period order; periods starting in [from, to), every period when both are absent.")
    @APIResponse(responseCode = "200", description = "The measurements, possibly none")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter (each named in errors)")
    public List<Measurements.Measurement> list(@PathParam("clientId") String clientId,
            @Parameter(required = true, description = "The contract id") @QueryParam("contractId") String contractId,
            @Parameter(required = true, description = "The SLA key") @QueryParam("slaKey") String slaKey,
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID contract = null;
        if (contractId == null || contractId.isEmpty()) {
            errors.add(new Problem.FieldError("contractId", "is required"));
        } else {
            try {
                contract = UUID.fromString(contractId);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("contractId", "must be a UUID"));
            }
        }
        if (slaKey == null || slaKey.isEmpty()) {
            errors.add(new Problem.FieldError("slaKey", "is required"));
        }
        Instant start = instant("from", from, TimeBounds.MIN, errors);
        Instant end = instant("to", to, TimeBounds.MAX_EXCLUSIVE, errors);
        if (errors.isEmpty() && !start.isBefore(end)) {
            errors.add(new Problem.FieldError("from", "must be before to"));
        }
        QueryParams.requireNoErrors(errors);
        return measurements.find(contract, slaKey, start, end);
    }

    private static Instant instant(String name, String raw, Instant absent, List<Problem.FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            return absent;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant with its offset"));
            return absent;
        }
    }
}

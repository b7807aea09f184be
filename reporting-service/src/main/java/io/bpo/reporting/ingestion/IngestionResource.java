package io.bpo.reporting.ingestion;

import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/clients/{clientId}/reporting/interactions")
@Tag(name = "Interactions")
@SecurityRequirement(name = "bearer")
@Authenticated
public class IngestionResource {
    static final String DESCRIPTION = "All or nothing: one invalid record refuses the batch, and the answer lists"
            + " every invalid record by position ([index] in a JSON array, line in NDJSON and CSV) and field (the"
            + " first 1000 errors; the detail counts them all). Records whose externalId is already stored (or"
            + " repeated in the batch) are counted as duplicates and not stored again. Up to 100,000 records a"
            + " request, read as a stream.";
    static final String CSV_EXAMPLE = """
            externalId,channel,queue,offeredAt,answeredAt,endedAt,waitSeconds,handleSeconds,abandoned,csat
            acme-2026-03-000042,PHONE,billing,2026-03-02T08:15:00Z,2026-03-02T08:15:42Z,2026-03-02T08:20:03Z,42,261,false,5
            acme-2026-03-000043,PHONE,billing,2026-03-02T08:16:10Z,,,95,,true,
            """;
    static final String NDJSON_EXAMPLE = """
            {"externalId":"acme-2026-03-000042","channel":"PHONE","queue":"billing","offeredAt":"2026-03-02T08:15:00Z","answeredAt":"2026-03-02T08:15:42Z","waitSeconds":42,"abandoned":false}
            {"externalId":"acme-2026-03-000043","channel":"PHONE","queue":"billing","offeredAt":"2026-03-02T08:16:10Z","waitSeconds":95,"abandoned":true}
            """;

    @Inject
    JsonBatchReader json;

    @Inject
    NdjsonBatchReader ndjson;

    @Inject
    CsvBatchReader csv;

    @Inject
    IngestionService ingestion;

    // The body is read as a stream, not bound by JAX-RS: records are checked and stored as they arrive, and every
    // bad record is reported, where binding would hold the whole batch and stop at the first.
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTING_INGEST, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Ingest a batch of interaction records (JSON array)", description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = InteractionRecord.class, minItems = 1,
                    maxItems = 100000)))
    @APIResponse(responseCode = "200", description = "Stored; received = created + duplicates")
    @APIResponse(responseCode = "400", description = "Unreadable body, or invalid records (each listed in errors)")
    @APIResponse(responseCode = "413", description = "More records (or bytes) than one batch may hold")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public RestResponse<IngestionResult> ingest(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes a retried batch safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            InputStream body) throws IOException {
        return answer(ingestion.ingest(json, body, idempotencyKey));
    }

    @POST
    @Consumes(NdjsonBatchReader.MEDIA_TYPE)
    @RolesAllowed({Roles.REPORTING_INGEST, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Ingest a batch of interaction records (NDJSON: one record object per line)",
            description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = NdjsonBatchReader.MEDIA_TYPE,
            schema = @Schema(implementation = InteractionRecord.class),
            example = NDJSON_EXAMPLE))
    @APIResponse(responseCode = "200", description = "Stored; received = created + duplicates")
    @APIResponse(responseCode = "400", description = "Unreadable body, or invalid records (each listed by line)")
    @APIResponse(responseCode = "413", description = "More records (or bytes) than one batch may hold")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public RestResponse<IngestionResult> ingestNdjson(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes a retried batch safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            InputStream body) throws IOException {
        return answer(ingestion.ingest(ndjson, body, idempotencyKey));
    }

    @POST
    @Consumes(CsvBatchReader.MEDIA_TYPE)
    @RolesAllowed({Roles.REPORTING_INGEST, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Ingest a batch of interaction records (CSV with a header line)",
            description = DESCRIPTION + " CSV: UTF-8, RFC 4180; the header names the columns by the JSON field"
                    + " names, in any order; an empty cell is an absent value.")
    @RequestBody(required = true, content = @Content(mediaType = CsvBatchReader.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING), example = CSV_EXAMPLE))
    @APIResponse(responseCode = "200", description = "Stored; received = created + duplicates")
    @APIResponse(responseCode = "400", description = "Unreadable body or header, or invalid records (each listed by"
            + " line)")
    @APIResponse(responseCode = "413", description = "More records (or bytes) than one batch may hold")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public RestResponse<IngestionResult> ingestCsv(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes a retried batch safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            InputStream body) throws IOException {
        return answer(ingestion.ingest(csv, body, idempotencyKey));
    }

    private static RestResponse<IngestionResult> answer(Idempotency.Outcome<IngestionResult> outcome) {
        return RestResponse.ResponseBuilder.ok(outcome.response())
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }
}

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
    @Inject
    JsonBatchReader json;

    @Inject
    IngestionService ingestion;

    // The body is read as a stream, not bound by JAX-RS: the reader stops at the record limit and reports every
    // bad record, where binding would stop at the first.
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTING_INGEST, Roles.ACCOUNT_MANAGER})
    @Operation(summary = "Ingest a batch of interaction records",
            description = "All or nothing: one invalid record refuses the batch, and the answer lists every invalid"
                    + " record by index and field. Records whose externalId is already stored (or repeated in the"
                    + " batch) are counted as duplicates and not stored again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = InteractionRecord.class, minItems = 1,
                    maxItems = 5000)))
    @APIResponse(responseCode = "200", description = "Stored; received = created + duplicates")
    @APIResponse(responseCode = "400", description = "Unreadable body, or invalid records (each listed in errors)")
    @APIResponse(responseCode = "413", description = "More records than one batch may hold")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public RestResponse<IngestionResult> ingest(@PathParam("clientId") String clientId,
            @Parameter(description = "Makes a retried batch safe: a replay returns the first response")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            InputStream body) throws IOException {
        InteractionBatch batch = json.read(body);
        Idempotency.Outcome<IngestionResult> outcome = ingestion.ingest(batch, idempotencyKey);
        return RestResponse.ResponseBuilder.ok(outcome.response())
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }
}

package io.bpo.reporting.ingestion;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IngestionResult", description = "What became of a batch: received = created + duplicates")
public record IngestionResult(
        @Schema(description = "Records in the batch") int received,
        @Schema(description = "Records stored by this request") int created,
        @Schema(description = "Records whose externalId was already stored, or repeated earlier in the batch")
        int duplicates) {
}

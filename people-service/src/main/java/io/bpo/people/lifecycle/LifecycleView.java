package io.bpo.people.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A client's place in its lifecycle, with its export archives")
public record LifecycleView(String clientId, LifecycleStatus status, Instant statusChangedAt, Instant deletionDueAt,
        Instant deletedAt, List<ExportRef> exports) {

    @Schema(description = "An offboarding export: a zip of JSON and CSV files with a manifest of SHA-256 hashes")
    public record ExportRef(UUID id, String sha256, long sizeBytes, Instant createdAt, String href) {
    }
}

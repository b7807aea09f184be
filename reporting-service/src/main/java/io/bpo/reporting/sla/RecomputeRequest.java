package io.bpo.reporting.sla;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why the statement is recomputed (kept in the log)")
public record RecomputeRequest(
        @Schema(example = "Late records of March 30 received on April 3") @NotBlank @Size(max = 1000) String reason) {
}

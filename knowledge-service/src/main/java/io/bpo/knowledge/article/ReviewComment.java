package io.bpo.knowledge.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a reviewer sends an article back to its author. */
@Schema(name = "ReviewComment")
public record ReviewComment(
        @Schema(example = "Step 3 contradicts the refund policy; please align.") @NotBlank @Size(max = 2000)
        String comment) {
}

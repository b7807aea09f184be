package io.bpo.knowledge.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewQuestion")
public record QuestionText(
        @Schema(example = "What if the customer disputes an invoice older than 90 days?") @NotBlank @Size(max = 4000)
        String text) {
}

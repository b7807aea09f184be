package io.bpo.knowledge.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Answer")
public record AnswerText(
        @Schema(example = "Escalate to the billing team lead; no refund without their approval.") @NotBlank
        @Size(max = 20000) String answer) {
}

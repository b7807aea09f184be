package io.bpo.knowledge.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewTransferPlan", description = "A knowledge-transfer plan for one contract")
public record NewPlan(
        @Schema(description = "The contract's id in contracts-service, as given (not checked here)",
                example = "6f1c2b9e-7d0a-4c55-9a51-0d1b7f9a3e11") @NotBlank @Size(max = 100) String contractId,
        @Schema(example = "Billing back office: transfer to Tunis") @NotBlank @Size(max = 200) String title) {
}

package io.bpo.knowledge.transfer;

import io.bpo.knowledge.article.Users;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransferTaskInput", description = "A task to add, or the whole task when updating it")
public record NewTask(
        @NotNull Phase phase,
        @Schema(example = "Shadow two billing-dispute calls") @NotBlank @Size(max = 200) String title,
        @NotNull Side ownerSide,
        @Schema(description = "User name", example = "dave") @Pattern(regexp = Users.PATTERN, message = Users.RULE)
        String assignee,
        @Schema(example = "2026-12-15") LocalDate dueDate,
        @Schema(description = "TODO when absent") TaskStatus status,
        @Schema(description = "Articles this task transfers: their acknowledgement coverage counts for readiness")
        @Size(max = 50) List<@NotNull UUID> articleIds) {
}

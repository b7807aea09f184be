package io.bpo.people.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A provider staff member (an existing user) to assign to a client")
public record StaffAssignment(
        @Schema(example = "carol") @NotBlank @Size(max = 254) String username,
        @Schema(description = "account-manager or agent") @NotNull String role) {
}

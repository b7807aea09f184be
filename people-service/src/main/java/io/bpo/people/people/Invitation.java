package io.bpo.people.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A person to invite into a client; the e-mail becomes the user name")
public record Invitation(
        @Schema(example = "grace.hopper@initech.example") @NotBlank @Email @Size(max = 254) String email,
        @Schema(example = "Grace") @NotBlank @Size(max = 100) String firstName,
        @Schema(example = "Hopper") @NotBlank @Size(max = 100) String lastName,
        @Schema(description = "client-manager or client-viewer", example = "client-viewer") @NotNull String role) {
}

package io.bpo.people.people;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The person's new client role")
public record RoleChange(@Schema(description = "client-manager or client-viewer") @NotNull String role) {
}

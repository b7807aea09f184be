package io.bpo.gateway.accesslog;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One subject's repeated attempts at clients outside its tenants. */
@Schema(name = "AccessLogCrossTenantDenials",
        description = "A subject refused (DENIED_TENANT) for clients outside its token's tenants")
public record CrossTenantDenials(
        @Schema(description = "Token subject") String subject,
        @Schema(description = "Its latest preferred_username", nullable = true) String username,
        @Schema(description = "Denials in the window") long denials,
        @Schema(description = "First denial in the window (UTC)") Instant firstAt,
        @Schema(description = "Last denial in the window (UTC)") Instant lastAt,
        @Schema(description = "The clients it tried, sorted", example = "[\"acme\", \"globex\"]")
        List<String> clientsTried) {
}

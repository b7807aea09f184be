package io.bpo.notifications.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.kit.tenancy.ClientIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** One event as a producing service's relay posts it (module outbox, OutboxEvent). */
public record IncomingEvent(
        @NotNull UUID id,
        @NotNull @Pattern(regexp = ClientIds.PATTERN, message = "must be a client id") String tenantId,
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$", message = "must be a dotted event type")
        String type,
        @NotBlank @Size(max = 200) String subject,
        @NotNull Instant occurredAt,
        @NotNull ObjectNode data) {
}

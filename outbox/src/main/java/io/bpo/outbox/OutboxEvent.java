package io.bpo.outbox;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on the wire from a service's outbox to notifications-service. {@code payload} is the stored JSON,
 * passed through as is.
 */
public record OutboxEvent(UUID id, String tenantId, String type, String subject, Instant occurredAt,
        @JsonRawValue String data) {
}

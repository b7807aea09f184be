package io.bpo.notifications.inapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A notification as its reader sees it: title and body in the reader's language, and the event's facts. */
public record NotificationView(UUID id, String clientId, String type, String title, String body, String link,
        JsonNode data, Instant createdAt, boolean read, Instant readAt) {
}

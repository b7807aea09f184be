package io.bpo.notifications.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The wire shapes of webhooks and their deliveries. */
public final class WebhookViews {
    private WebhookViews() {
    }

    /** eventTypes: the types wanted, or ["*"] for every type. */
    public record NewWebhook(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 500) String description,
            @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes) {
    }

    /** secret only in the answer to the creation: store it then, it is not shown again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(UUID id, String clientId, String url, String description, List<String> eventTypes,
            WebhookSubscription.Status status, String disabledReason, Instant disabledAt, String createdBy,
            Instant createdAt, Instant updatedAt, String secret) {

        static Webhook of(WebhookSubscription s, boolean withSecret) {
            return new Webhook(s.id, s.tenantId, s.url, s.description, List.of(s.eventTypes), s.status,
                    s.disabledReason, s.disabledAt, s.createdBy, s.createdAt, s.updatedAt,
                    withSecret ? s.secret : null);
        }
    }

    public record Delivery(UUID id, UUID webhookId, UUID eventId, String eventType, String status, int attempts,
            Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
            Instant deliveredAt, UUID redeliveryOf, Instant createdAt) {
    }

}

package io.bpo.notifications.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.notifications.event.EventIntake;
import io.bpo.notifications.event.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Tells a client's managers that one of their webhooks was disabled: an event of that client, like any other. */
@ApplicationScoped
public class WebhookNotices {
    @Inject
    TenantContext tenantContext;

    @Inject
    EventIntake intake;

    @Inject
    ObjectMapper mapper;

    @ActivateRequestContext
    public void disabled(String tenantId, UUID subscriptionId, String url, String retryWindow) {
        tenantContext.callAs(tenantId, () -> {
            QuarkusTransaction.requiringNew().run(() -> intake.raise(EventType.WEBHOOK_DISABLED.wireName(),
                    subscriptionId.toString(), json(Map.of("webhookId", subscriptionId.toString(), "url", url,
                            "retryWindow", retryWindow,
                            "link", "/clients/" + tenantId + "/webhooks/" + subscriptionId))));
            return null;
        });
    }

    private String json(Map<String, String> data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

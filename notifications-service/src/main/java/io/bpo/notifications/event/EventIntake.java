package io.bpo.notifications.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.notifications.mail.MailQueue;
import io.bpo.notifications.webhook.WebhookQueue;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The idempotent consumer: an event is stored once per id (a redelivery finds its id and does nothing), and only
 * when first stored does it fan out, in the same transaction, to the in-app notification, the e-mails and the
 * webhook deliveries it causes. Events are handled per client, each client's in one transaction bound to it.
 */
@ApplicationScoped
public class EventIntake {
    public record Receipt(int received, int stored, int duplicates) {
    }

    @Inject
    TenantContext tenantContext;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    MailQueue mail;

    @Inject
    WebhookQueue webhooks;

    public Receipt receive(String source, List<IncomingEvent> events) {
        Map<String, List<IncomingEvent>> byClient = new LinkedHashMap<>();
        events.forEach(e -> byClient.computeIfAbsent(e.tenantId(), k -> new ArrayList<>()).add(e));
        int stored = 0;
        for (Map.Entry<String, List<IncomingEvent>> client : byClient.entrySet()) {
            stored += tenantContext.callAs(client.getKey(), () -> QuarkusTransaction.requiringNew().call(() -> {
                int fresh = 0;
                for (IncomingEvent event : client.getValue()) {
                    if (store(source, event)) {
                        fanOut(event.id(), event.type(), event.data().toString());
                        fresh++;
                    }
                }
                return fresh;
            }));
        }
        Log.debugf("Received %s events from %s, %s new", (Object) events.size(), source, (Object) stored);
        return new Receipt(events.size(), stored, events.size() - stored);
    }

    /**
     * For an event this service makes itself (a disabled webhook), inside a transaction bound to its client.
     */
    public void raise(String type, String subject, String json) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into events (tenant_id, id, type, source, subject, payload, occurred_at, received_at)
                values (?1, ?2, ?3, 'notifications-service', ?4, cast(?5 as jsonb), now(), now())""")
                .setParameter(1, tenantContext.require()).setParameter(2, id).setParameter(3, type)
                .setParameter(4, subject).setParameter(5, json).executeUpdate();
        fanOut(id, type, json);
    }

    private boolean store(String source, IncomingEvent event) {
        return entityManager.createNativeQuery("""
                insert into events (tenant_id, id, type, source, subject, payload, occurred_at, received_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, now())
                on conflict (tenant_id, id) do nothing""")
                .setParameter(1, event.tenantId()).setParameter(2, event.id()).setParameter(3, event.type())
                .setParameter(4, source).setParameter(5, event.subject()).setParameter(6, event.data().toString())
                .setParameter(7, event.occurredAt())
                .executeUpdate() == 1;
    }

    private void fanOut(UUID eventId, String type, String json) {
        webhooks.enqueue(eventId, type, json);
        EventType known = EventType.of(type).orElse(null);
        if (known == null) {
            return;
        }
        List<String> audience = List.copyOf(known.audience(readTree(json)));
        if (audience.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into notifications (tenant_id, id, event_id, type, audience_roles, data, created_at)
                values (?1, ?2, ?3, ?4, cast(?5 as text[]), cast(?6 as jsonb), clock_timestamp())""")
                .setParameter(1, tenantContext.require()).setParameter(2, UUID.randomUUID())
                .setParameter(3, eventId).setParameter(4, type)
                .setParameter(5, "{" + String.join(",", audience) + "}").setParameter(6, json)
                .executeUpdate();
        mail.enqueue(eventId, known, audience, json);
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

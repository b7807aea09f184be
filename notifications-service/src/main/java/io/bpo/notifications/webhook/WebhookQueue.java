package io.bpo.notifications.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.notifications.worker.WorkerTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/**
 * Queues one delivery per active subscription of the event's client that wants its type, in the transaction that
 * stores the event. The body is fixed here (Standard Webhooks shape: type, timestamp, data), so every retry and
 * redelivery sends the same bytes under the same webhook-id, the event's id.
 */
@ApplicationScoped
public class WebhookQueue {
    public static final String ALL_TYPES = "*";

    @Inject
    EntityManager entityManager;

    @Inject
    TenantContext tenantContext;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookDispatcher dispatcher;

    public void enqueue(UUID eventId, String type, String json) {
        int queued = 0;
        for (WebhookSubscription subscription : WebhookSubscription.<WebhookSubscription>list("status",
                WebhookSubscription.Status.ACTIVE)) {
            if (!Arrays.asList(subscription.eventTypes).contains(ALL_TYPES)
                    && !Arrays.asList(subscription.eventTypes).contains(type)) {
                continue;
            }
            insert(subscription.id, eventId, type, body(type, json), null);
            queued++;
        }
        if (queued > 0) {
            WorkerTransactions.afterCommit(transactions, dispatcher::wake);
        }
    }

    void insert(UUID subscriptionId, UUID eventId, String type, String body, UUID redeliveryOf) {
        entityManager.createNativeQuery("""
                insert into webhook_deliveries (tenant_id, id, subscription_id, event_id, event_type, body, status,
                                                next_attempt_at, redelivery_of, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', now(), ?7, clock_timestamp())""")
                .setParameter(1, tenantContext.require()).setParameter(2, UUID.randomUUID())
                .setParameter(3, subscriptionId).setParameter(4, eventId).setParameter(5, type)
                .setParameter(6, body).setParameter(7, redeliveryOf)
                .executeUpdate();
    }

    private String body(String type, String json) {
        try {
            ObjectNode body = mapper.createObjectNode();
            body.put("type", type);
            body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            body.put("clientId", tenantContext.require());
            body.set("data", mapper.readTree(json));
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.bpo.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the outbox table of the service's own database, inside the transaction of the change it
 * describes: the event exists if and only if the change committed. The relay delivers it afterwards; a commit wakes
 * the relay so the delay from commit to delivery stays short without polling hard.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager entityManager;

    @Inject
    TenantContext tenantContext;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * @param type    the event type, a dotted name notifications-service knows ({@code change-request.decided})
     * @param subject the id of what the event is about (a change request's id...)
     * @param data    the event's facts, serialised as JSON; what a recipient needs to act, no more
     * @return the event's id, which every consumer uses to recognise a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, Object subject, Map<String, ?> data) {
        UUID id = UUID.randomUUID();
        // Native SQL: row-level security checks the tenant column against the transaction's app.tenant_id.
        entityManager.createNativeQuery("""
                insert into outbox_events (tenant_id, id, type, subject, payload, occurred_at)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)""")
                .setParameter(1, tenantContext.require())
                .setParameter(2, id)
                .setParameter(3, type)
                .setParameter(4, String.valueOf(subject))
                .setParameter(5, json(data))
                .setParameter(6, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return id;
    }

    private String json(Map<String, ?> data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data not serialisable", e);
        }
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}

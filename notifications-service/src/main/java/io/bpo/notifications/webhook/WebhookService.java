package io.bpo.notifications.webhook;

import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.Page;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem.FieldError;
import io.bpo.kit.security.Caller;
import io.bpo.notifications.event.EventType;
import io.bpo.notifications.worker.WorkerTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A client's webhooks, in a transaction bound to the client of the path. Every load goes through a tenant-filtered
 * query (Hibernate's tenant filter and row-level security); ids from the request are never merged.
 */
@ApplicationScoped
@Transactional
public class WebhookService {
    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookQueue queue;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public WebhookViews.Webhook create(WebhookViews.NewWebhook request) {
        validate(request);
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.url = request.url();
        subscription.description = request.description();
        subscription.eventTypes = request.eventTypes().stream().distinct().sorted().toArray(String[]::new);
        subscription.secret = WebhookSigner.newSecret();
        subscription.status = WebhookSubscription.Status.ACTIVE;
        subscription.createdBy = caller.userName();
        subscription.persistAndFlush();
        return WebhookViews.Webhook.of(subscription, true);
    }

    public List<WebhookViews.Webhook> list() {
        return WebhookSubscription.<WebhookSubscription>list("order by createdAt, id").stream()
                .map(s -> WebhookViews.Webhook.of(s, false)).toList();
    }

    public WebhookViews.Webhook get(UUID id) {
        return WebhookViews.Webhook.of(require(id), false);
    }

    public void delete(UUID id) {
        WebhookSubscription subscription = require(id);
        entityManager.createNativeQuery("delete from webhook_deliveries where subscription_id = ?1")
                .setParameter(1, subscription.id).executeUpdate();
        subscription.delete();
    }

    /** Active again: its pending deliveries are tried at once, in order, with a fresh retry schedule. */
    public WebhookViews.Webhook enable(UUID id) {
        WebhookSubscription subscription = require(id);
        subscription.status = WebhookSubscription.Status.ACTIVE;
        subscription.disabledAt = null;
        subscription.disabledReason = null;
        entityManager.createNativeQuery("""
                update webhook_deliveries set attempts = 0, next_attempt_at = now()
                where subscription_id = ?1 and status = 'PENDING'""").setParameter(1, subscription.id)
                .executeUpdate();
        subscription.flush();
        WorkerTransactions.afterCommit(transactions, dispatcher::wake);
        return WebhookViews.Webhook.of(subscription, false);
    }

    /** Newest first: the delivery log. */
    public Page<WebhookViews.Delivery> deliveries(UUID id, String cursor, int limit) {
        require(id);
        Cursor after = Cursor.decode(cursor);
        List<WebhookViews.Delivery> rows = readDeliveries(id, after, limit + 1, null);
        String next = null;
        if (rows.size() > limit) {
            WebhookViews.Delivery last = rows.get(limit - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new Page<>(rows.stream().limit(limit).toList(), next);
    }

    /** Sends a past delivery's event again, after whatever is pending: same webhook-id, same body. */
    public WebhookViews.Delivery redeliver(UUID id, UUID deliveryId) {
        WebhookSubscription subscription = require(id);
        List<WebhookViews.Delivery> original = readDeliveries(id, null, 1, deliveryId);
        if (original.isEmpty()) {
            throw ApiException.notFound("Delivery", deliveryId);
        }
        Object body = entityManager.createNativeQuery("select body from webhook_deliveries where id = ?1")
                .setParameter(1, deliveryId).getSingleResult();
        queue.insert(subscription.id, original.get(0).eventId(), original.get(0).eventType(), (String) body,
                deliveryId);
        entityManager.flush();
        WorkerTransactions.afterCommit(transactions, dispatcher::wake);
        return readDeliveries(id, null, 1, null).get(0);
    }

    private List<WebhookViews.Delivery> readDeliveries(UUID subscriptionId, Cursor after, int limit, UUID only) {
        StringBuilder sql = new StringBuilder("""
                select id, subscription_id, event_id, event_type, status, attempts, last_attempt_at,
                       last_status_code, last_error, next_attempt_at, delivered_at, redelivery_of, created_at
                from webhook_deliveries where subscription_id = :subscription""");
        if (after != null) {
            sql.append(" and (created_at, id) < (:at, :id)");
        }
        if (only != null) {
            sql.append(" and id = :only");
        }
        sql.append(" order by created_at desc, id desc limit ").append(limit);
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("subscription", subscriptionId);
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        if (only != null) {
            query.setParameter("only", only);
        }
        List<WebhookViews.Delivery> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            rows.add(new WebhookViews.Delivery((UUID) c[0], (UUID) c[1], (UUID) c[2], (String) c[3], (String) c[4],
                    ((Number) c[5]).intValue(), instant(c[6]), c[7] == null ? null : ((Number) c[7]).intValue(),
                    (String) c[8], instant(c[9]), instant(c[10]), (UUID) c[11], instant(c[12])));
        }
        return rows;
    }

    private static WebhookSubscription require(UUID id) {
        return WebhookSubscription.<WebhookSubscription>find("id", id).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Webhook", id));
    }

    private void validate(WebhookViews.NewWebhook request) {
        List<FieldError> errors = new ArrayList<>();
        try {
            URI uri = new URI(request.url());
            boolean https = "https".equals(uri.getScheme());
            boolean http = "http".equals(uri.getScheme());
            if (!uri.isAbsolute() || uri.getHost() == null || !(https || http)) {
                errors.add(new FieldError("url", "must be an absolute http(s) URL"));
            } else if (http && !config.allowHttp()) {
                errors.add(new FieldError("url", "must use https"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a URL"));
        }
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            if (!WebhookQueue.ALL_TYPES.equals(type) && EventType.of(type).isEmpty()) {
                errors.add(new FieldError("eventTypes[" + i + "]", "is not an event type (or * for all)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid request", errors.get(0).field() + " "
                    + errors.get(0).reason(), errors);
        }
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant()
                : value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
    }
}

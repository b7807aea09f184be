package io.bpo.notifications.webhook;

import io.agroal.api.AgroalDataSource;
import io.bpo.notifications.worker.WorkerLoop;
import io.bpo.notifications.worker.WorkerTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Delivers webhooks strictly in order per subscription: a subscription's next delivery waits until the one before it
 * succeeded, so a receiver that was down gets everything, in order, once it is back. A failed attempt is retried
 * after the next pause of the retry schedule; when the schedule is exhausted the subscription is disabled (its
 * pending deliveries wait for it to be enabled again) and the client's managers are told.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final long SCAN_LOCK = 0x77686b73L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookNotices notices;

    @Inject
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private ExecutorService senders;
    private WorkerLoop loop;

    void start(@Observes StartupEvent event) {
        senders = Executors.newFixedThreadPool(config.concurrency());
        loop = new WorkerLoop("webhook-dispatcher", config.pollInterval(), this::deliverDue);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
        senders.shutdownNow();
    }

    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private record Due(String tenantId, UUID subscriptionId) {
    }

    /** One pass: every subscription whose oldest pending delivery is due, in parallel; returns deliveries made. */
    int deliverDue() throws Exception {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::dueSubscriptions);
        List<CompletableFuture<Integer>> running = new ArrayList<>();
        for (Due subscription : due) {
            running.add(CompletableFuture.supplyAsync(() -> deliverInOrder(subscription), senders));
        }
        int delivered = 0;
        for (CompletableFuture<Integer> one : running) {
            delivered += one.join();
        }
        return delivered;
    }

    private List<Due> dueSubscriptions() throws Exception {
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!WorkerTransactions.enterQueue(connection, SCAN_LOCK)) {
                return due;
            }
            try (PreparedStatement heads = connection.prepareStatement("""
                    select h.tenant_id, h.subscription_id from (
                        select distinct on (d.tenant_id, d.subscription_id) d.tenant_id, d.subscription_id,
                               d.next_attempt_at
                        from webhook_deliveries d
                        join webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id
                        where d.status = 'PENDING' and s.status = 'ACTIVE'
                        order by d.tenant_id, d.subscription_id, d.seq) h
                    where h.next_attempt_at <= now()""");
                    ResultSet rows = heads.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getString(1), rows.getObject(2, UUID.class)));
                }
            }
        }
        return due;
    }

    /** One subscription's pending deliveries, oldest first, until one fails; one transaction, locked per subscription. */
    private int deliverInOrder(Due due) {
        List<String> disabled = new ArrayList<>();
        int delivered = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!WorkerTransactions.enterQueue(connection, due.subscriptionId().getMostSignificantBits()
                        ^ due.subscriptionId().getLeastSignificantBits())) {
                    return 0;
                }
                String url;
                String secret;
                try (PreparedStatement read = connection.prepareStatement(
                        "select url, secret from webhook_subscriptions where tenant_id = ? and id = ? "
                                + "and status = 'ACTIVE'")) {
                    read.setString(1, due.tenantId());
                    read.setObject(2, due.subscriptionId());
                    try (ResultSet row = read.executeQuery()) {
                        if (!row.next()) {
                            return 0;
                        }
                        url = row.getString(1);
                        secret = row.getString(2);
                    }
                }
                int count = 0;
                try (PreparedStatement pending = connection.prepareStatement("""
                        select id, event_id, body, attempts, next_attempt_at <= now() from webhook_deliveries
                        where tenant_id = ? and subscription_id = ? and status = 'PENDING' order by seq limit 100""")) {
                    pending.setString(1, due.tenantId());
                    pending.setObject(2, due.subscriptionId());
                    try (ResultSet rows = pending.executeQuery()) {
                        while (rows.next() && rows.getBoolean(5)) {
                            Attempt attempt = post(url, secret, rows.getObject(2, UUID.class), rows.getString(3));
                            int attempts = rows.getInt(4) + 1;
                            record(connection, due, rows.getObject(1, UUID.class), attempt, attempts);
                            if (!attempt.succeeded()) {
                                if (attempts > config.retrySchedule().size()) {
                                    disable(connection, due);
                                    disabled.add(url);
                                }
                                break;
                            }
                            count++;
                        }
                    }
                }
                return count;
            }
        });
        meters.counter("bpo.webhooks.delivered").increment(delivered);
        disabled.forEach(url -> notices.disabled(due.tenantId(), due.subscriptionId(), url, retryWindow()));
        return delivered;
    }

    record Attempt(Integer statusCode, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode / 100 == 2;
        }
    }

    private Attempt post(String url, String secret, UUID messageId, String body) {
        long timestamp = Instant.now().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", messageId.toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSigner.sign(secret, messageId.toString(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(response.statusCode(), response.statusCode() / 100 == 2 ? null
                    : "HTTP " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted");
        } catch (Exception e) {
            return new Attempt(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void record(Connection connection, Due due, UUID deliveryId, Attempt attempt, int attempts)
            throws Exception {
        List<Duration> schedule = config.retrySchedule();
        Duration pause = schedule.get(Math.min(attempts, schedule.size()) - 1);
        try (PreparedStatement update = connection.prepareStatement("""
                update webhook_deliveries set attempts = ?, last_attempt_at = clock_timestamp(),
                       last_status_code = ?, last_error = ?,
                       status = case when ? then 'DELIVERED' else 'PENDING' end,
                       delivered_at = case when ? then clock_timestamp() end,
                       next_attempt_at = clock_timestamp() + make_interval(secs => ?)
                where tenant_id = ? and id = ?""")) {
            update.setInt(1, attempts);
            update.setObject(2, attempt.statusCode());
            update.setString(3, attempt.error());
            update.setBoolean(4, attempt.succeeded());
            update.setBoolean(5, attempt.succeeded());
            update.setDouble(6, pause.toMillis() / 1000.0);
            update.setString(7, due.tenantId());
            update.setObject(8, deliveryId);
            update.executeUpdate();
        }
        if (!attempt.succeeded()) {
            Log.infof("Webhook delivery %s of client %s failed (attempt %d): %s", deliveryId, due.tenantId(),
                    attempts, attempt.error());
        }
    }

    private void disable(Connection connection, Due due) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("""
                update webhook_subscriptions set status = 'DISABLED', disabled_at = now(), version = version + 1,
                       updated_at = now(), disabled_reason = 'Deliveries failed for ' || ? || '; pending deliveries '
                       || 'wait until the webhook is enabled again'
                where tenant_id = ? and id = ?""")) {
            update.setString(1, retryWindow());
            update.setString(2, due.tenantId());
            update.setObject(3, due.subscriptionId());
            update.executeUpdate();
        }
        Log.warnf("Webhook %s of client %s disabled after persistent failure", due.subscriptionId(), due.tenantId());
    }

    private String retryWindow() {
        Duration total = config.retrySchedule().stream().reduce(Duration.ZERO, Duration::plus);
        return total.toString().substring(2).toLowerCase();
    }
}

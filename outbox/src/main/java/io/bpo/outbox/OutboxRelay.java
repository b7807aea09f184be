package io.bpo.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox at least once, oldest first. One thread per replica; a transaction-scoped advisory lock lets one
 * replica relay at a time, so batches never overlap. A batch is read, posted and marked delivered in one transaction:
 * a crash or a refusal anywhere before the commit leaves it undelivered and it is posted again, which the consumer's
 * idempotency (keyed by event id) absorbs.
 */
@ApplicationScoped
public class OutboxRelay {
    /** Key of the advisory lock: any constant no other code of the same database uses. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventSink sink;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Counter delivered;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        delivered = meters.counter("bpo.outbox.delivered");
        failures = meters.counter("bpo.outbox.failures");
        if (!config.relay().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
    }

    /** A commit added events: relay now rather than at the next poll. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        Duration pause = config.relay().pollInterval();
        while (running) {
            try {
                while (running && relayBatch(config.sinkUrl()) > 0) {
                    // more may be waiting: keep going until the outbox is empty
                }
                pause = config.relay().pollInterval();
            } catch (Exception e) {
                failures.increment();
                pause = min(pause.multipliedBy(2), config.relay().maxBackoff());
                Log.warnf("Outbox relay to %s failed (%s); next attempt in %s", config.sinkUrl(), e.getMessage(),
                        pause);
            }
            try {
                if (wakeUps.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Posts the oldest undelivered events to {@code target} and marks them delivered, in one transaction.
     *
     * @return how many were delivered; 0 when none were waiting or another replica holds the relay
     * @throws Exception when the receiver or the database failed: nothing is marked, all stays to be delivered
     */
    public int relayBatch(URI target) throws Exception {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!claimRelay(connection)) {
                    return 0;
                }
                List<OutboxEvent> batch = pending(connection);
                if (batch.isEmpty()) {
                    return 0;
                }
                sink.deliver(target, batch);
                markDelivered(connection, batch);
                delivered.increment(batch.size());
                return batch.size();
            }
        });
    }

    /** The relay reads every client's events: the outbox's relay policy admits it when app.outbox_relay is on. */
    private static boolean claimRelay(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('app.outbox_relay', 'on', true), pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(2);
            }
        }
    }

    private List<OutboxEvent> pending(Connection connection) throws SQLException {
        List<OutboxEvent> batch = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select id, tenant_id, type, subject, occurred_at, payload::text from outbox_events
                where delivered_at is null order by seq limit ?""")) {
            statement.setInt(1, config.relay().batchSize());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    batch.add(new OutboxEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getTimestamp(5).toInstant(), rows.getString(6)));
                }
            }
        }
        return batch;
    }

    private void markDelivered(Connection connection, List<OutboxEvent> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                update outbox_events set delivered_at = clock_timestamp()
                where tenant_id = any(?) and id = any(?) and delivered_at is null""")) {
            statement.setArray(1, connection.createArrayOf("text",
                    batch.stream().map(OutboxEvent::tenantId).distinct().toArray()));
            statement.setArray(2, connection.createArrayOf("uuid", batch.stream().map(OutboxEvent::id).toArray()));
            statement.executeUpdate();
        }
        try (Statement purge = connection.createStatement()) {
            purge.executeUpdate("delete from outbox_events where delivered_at < now() - interval '"
                    + config.relay().retention().toSeconds() + " seconds'");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

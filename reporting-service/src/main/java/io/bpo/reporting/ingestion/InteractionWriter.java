package io.bpo.reporting.ingestion;

import io.agroal.api.AgroalDataSource;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.reporting.rollup.RollupAccumulator;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import org.postgresql.PGConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Stores a chunk of checked records in one statement: the chunk travels as one array per column, its keys go into
 * {@code interaction_keys} (ON CONFLICT DO NOTHING: a key the client already has, or that repeats one earlier in the
 * batch, is a duplicate), and only the records whose key was new go into the partitioned {@code interactions}; those
 * are added to the request's {@link RollupAccumulator}, whose totals are added to {@code interaction_rollups}
 * (15-minute UTC buckets per queue) once at the end, all in the caller's transaction, so records and rollups are
 * committed together or not at all.
 * <p>
 * Native SQL here, for volume (one round trip per chunk, no entity per record); it is safe because the tenant comes
 * from the request's bound tenant and row-level security checks every row again (WITH CHECK), whatever this code
 * writes. Not COPY: PostgreSQL refuses COPY FROM into a table with row-level security.
 */
@ApplicationScoped
public class InteractionWriter {
    static final int CHUNK = 5000;
    static final String INSERT = """
            with input as (
                select gen_random_uuid() as id, r.*
                from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],
                            ?::int[], ?::int[], ?::boolean[], ?::boolean[], ?::boolean[], ?::smallint[], ?::numeric[],
                            ?::text[])
                     with ordinality as r(external_id, channel, queue, offered_at, answered_at, ended_at,
                                          wait_seconds, handle_seconds, abandoned, transferred,
                                          first_contact_resolution, csat, quality_score, agent_id, ord)
            ),
            new_keys as (
                insert into interaction_keys (tenant_id, external_id, interaction_id, offered_at)
                select ?, external_id, id, offered_at from input order by ord
                on conflict (tenant_id, external_id) do nothing
                returning interaction_id
            ),
            stored as (
                insert into interactions (tenant_id, id, external_id, channel, queue, offered_at, answered_at,
                    ended_at, wait_seconds, handle_seconds, abandoned, transferred, first_contact_resolution, csat,
                    quality_score, agent_id, received_at, created_at)
                select ?, i.id, i.external_id, i.channel, i.queue, i.offered_at, i.answered_at, i.ended_at,
                       i.wait_seconds, i.handle_seconds, i.abandoned, i.transferred, i.first_contact_resolution,
                       i.csat, i.quality_score, i.agent_id, ?, now()
                from input i join new_keys k on k.interaction_id = i.id
                returning external_id
            )
            select external_id from stored""";

    /** The threads that write chunks while request threads read the next ones (one chunk in flight a request). */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ingestion-writer");
        thread.setDaemon(true);
        return thread;
    });

    /** Months whose partition this process has seen exist; partitions are never dropped while it runs. */
    private final Set<YearMonth> partitioned = ConcurrentHashMap.newKeySet();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenant;

    /**
     * Opens the writing of one request's batch on the transaction's connection. Chunks are written one at a time by
     * a writer thread while the request thread reads and checks the next chunk (at most one chunk in flight, so
     * memory stays bounded); the connection is never used by both threads at once, and the request thread waits for
     * the write in flight before it commits, rolls back, or writes the rollups.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Session open(Instant receivedAt) {
        try {
            return new Session(dataSource.getConnection(), tenant.require(), receivedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("No connection for ingestion", e);
        }
    }

    /** The writing of one batch; see {@link #open}. Not thread-safe: used by the request thread only. */
    public final class Session implements AutoCloseable {
        private final Connection connection;
        private final String tenantId;
        private final Instant receivedAt;
        private final RollupAccumulator rollups = new RollupAccumulator();
        private Future<Integer> inFlight;
        private int created;

        Session(Connection connection, String tenantId, Instant receivedAt) {
            this.connection = connection;
            this.tenantId = tenantId;
            this.receivedAt = receivedAt;
        }

        /** Hands the chunk (copied) to the writer thread, once the previous one is stored. */
        public void write(List<InteractionRecord> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            ensurePartitions(chunk);
            awaitInFlight();
            List<InteractionRecord> records = List.copyOf(chunk);
            inFlight = WRITERS.submit(() -> insertNew(physical(), tenantId, records, receivedAt, rollups));
        }

        /**
         * The driver's connection under the pool's handle: the handle refuses to be used by a thread without the
         * transaction, the writer thread has none; the database transaction is the same, and it is committed or
         * rolled back by the request thread only after the write in flight is over.
         */
        private Connection physical() throws SQLException {
            return (Connection) connection.unwrap(PGConnection.class);
        }

        /** Waits for the last chunk, adds the rollups; @return how many records were stored */
        public int finish() {
            awaitInFlight();
            try {
                rollups.addTo(connection, tenantId);
            } catch (SQLException e) {
                throw new IllegalStateException("Adding to the rollups failed", e);
            }
            return created;
        }

        private void awaitInFlight() {
            if (inFlight == null) {
                return;
            }
            try {
                created += inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while storing interaction records", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Storing interaction records failed", e.getCause());
            } finally {
                inFlight = null;
            }
        }

        /** Waits for the write in flight whatever happens, so the transaction ends with an idle connection. */
        @Override
        public void close() {
            if (inFlight != null) {
                try {
                    inFlight.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // the request already fails; the transaction is rolled back
                }
                inFlight = null;
            }
            try {
                connection.close();
            } catch (SQLException e) {
                // the handle of an enlisted connection: closing it releases nothing
            }
        }
    }

    /** Stores the records whose key is new and adds them to {@code rollups}; @return how many were stored. */
    static int insertNew(Connection connection, String tenantId, List<InteractionRecord> records, Instant receivedAt,
            RollupAccumulator rollups) {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int created = 0;
            int p = 1;
            insert.setArray(p++, column(connection, records, InteractionRecord::externalId));
            insert.setArray(p++, column(connection, records, r -> r.channel().name()));
            insert.setArray(p++, column(connection, records, InteractionRecord::queue));
            insert.setArray(p++, column(connection, records, InteractionRecord::offeredAt));
            insert.setArray(p++, column(connection, records, InteractionRecord::answeredAt));
            insert.setArray(p++, column(connection, records, InteractionRecord::endedAt));
            insert.setArray(p++, column(connection, records, InteractionRecord::waitSeconds));
            insert.setArray(p++, column(connection, records, InteractionRecord::handleSeconds));
            insert.setArray(p++, column(connection, records, InteractionRecord::abandoned));
            insert.setArray(p++, column(connection, records, r -> Boolean.TRUE.equals(r.transferred())));
            insert.setArray(p++, column(connection, records, InteractionRecord::firstContactResolution));
            insert.setArray(p++, column(connection, records, InteractionRecord::csat));
            insert.setArray(p++, column(connection, records, r -> r.qualityScore() == null ? null
                    : r.qualityScore().toPlainString()));
            insert.setArray(p++, column(connection, records, InteractionRecord::agentId));
            insert.setString(p++, tenantId);
            insert.setString(p++, tenantId);
            insert.setTimestamp(p, Timestamp.from(receivedAt));
            Set<String> stored = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            // a key repeated in the chunk was stored for its first occurrence only (the keys go in in batch order)
            for (InteractionRecord r : records) {
                if (stored.remove(r.externalId())) {
                    rollups.add(r.offeredAt(), r.queue(), r.answeredAt(), r.endedAt(), r.waitSeconds(),
                            r.handleSeconds(), r.abandoned(), Boolean.TRUE.equals(r.transferred()),
                            r.firstContactResolution(), r.csat(), r.qualityScore());
                    created++;
                }
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing interaction records failed", e);
        }
    }

    @PreDestroy
    void stopWriters() {
        WRITERS.shutdown();
    }

    /** One column of the chunk as a text array (PostgreSQL casts it to the column's type); nulls stay null. */
    private static Array column(Connection connection, Collection<InteractionRecord> records,
            Function<InteractionRecord, Object> value) throws SQLException {
        String[] texts = new String[records.size()];
        int i = 0;
        for (InteractionRecord record : records) {
            Object v = value.apply(record);
            texts[i++] = v == null ? null : v.toString();
        }
        return connection.createArrayOf("text", texts);
    }

    /**
     * Creates the monthly partitions the chunk needs before it is inserted, each in a short transaction of its own:
     * creating a partition locks the whole table, which must not last as long as a batch. A month whose partition
     * cannot be created (out of the range the database function allows, or the lock not granted in time because a
     * batch of this very request already writes to the table) lands in the default partition; nothing is refused.
     */
    void ensurePartitions(Collection<InteractionRecord> records) {
        Set<YearMonth> months = new TreeSet<>();
        for (InteractionRecord record : records) {
            YearMonth month = YearMonth.from(record.offeredAt().atOffset(ZoneOffset.UTC));
            if (!partitioned.contains(month)) {
                months.add(month);
            }
        }
        for (YearMonth month : months) {
            if (ensurePartition(month)) {
                partitioned.add(month);
            }
        }
    }

    /** Whether the monthly partition exists now (created if needed); called at start for the months ahead too. */
    public boolean ensurePartition(YearMonth month) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement ensure = connection.prepareStatement(
                            "select interactions_ensure_partition(?)")) {
                ensure.setTimestamp(1, Timestamp.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
                try (ResultSet rows = ensure.executeQuery()) {
                    rows.next();
                    boolean exists = rows.getBoolean(1);
                    if (!exists) {
                        Log.debugf("No partition for %s: its records go to the default partition", month);
                    }
                    return exists;
                }
            }
        });
    }
}

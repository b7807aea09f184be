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
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stores a chunk of checked records in one statement: the chunk travels as one array per column, its keys go into
 * {@code interaction_keys} and the records into the partitioned {@code interactions}. A key the client already has, or
 * that repeats one earlier in the batch, is a duplicate: its record is not stored. The chunk is first written as if
 * none were (plain inserts); when one is, the chunk is written again from a savepoint with ON CONFLICT DO NOTHING on
 * the keys, and only the records whose key was new. Stored records are added to the request's
 * {@link RollupAccumulator}, whose totals are appended to {@code interaction_rollups} (15-minute UTC buckets per
 * queue, the batch's delta of each) once at the end, all in the caller's transaction, so records and rollups are
 * committed together or not at all.
 * <p>
 * Native SQL here, for volume (one round trip per chunk, no entity per record); it is safe because the tenant comes
 * from the request's bound tenant and row-level security checks every row again (WITH CHECK), whatever this code
 * writes. Not COPY: PostgreSQL refuses COPY FROM into a table with row-level security.
 */
@ApplicationScoped
public class InteractionWriter {
    static final int CHUNK = 5000;
    /** The first chunk of a batch is smaller, so that the database starts writing while the rest is read. */
    static final int FIRST_CHUNK = 1000;
    private static final String UNIQUE_VIOLATION = "23505";
    /** How many chunks of one batch may be tried as all new under a savepoint: see {@link #insertNew}. */
    static final int MAX_SAVEPOINTS = 60;
    private static final String INPUT = """
            with input as (
                select gen_random_uuid() as id, r.*
                from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],
                            ?::int[], ?::int[], ?::boolean[], ?::boolean[], ?::boolean[], ?::smallint[], ?::numeric[],
                            ?::text[])
                     with ordinality as r(external_id, channel, queue, offered_at, answered_at, ended_at,
                                          wait_seconds, handle_seconds, abandoned, transferred,
                                          first_contact_resolution, csat, quality_score, agent_id, ord)
            )""";
    /**
     * The chunk when none of its keys is known: every key and record inserted, no conflict handling (a speculative
     * insertion, ON CONFLICT, costs about a third more per key); fails on the first key already there.
     */
    static final String INSERT_ALL = INPUT + """
            ,
            all_keys as (
                insert into interaction_keys (tenant_id, external_id, interaction_id)
                select ?, external_id, id from input
            )
            insert into interactions (tenant_id, id, external_id, channel, queue, offered_at, answered_at, ended_at,
                wait_seconds, handle_seconds, abandoned, transferred, first_contact_resolution, csat, quality_score,
                agent_id, received_at, created_at)
            select ?, i.id, i.external_id, i.channel, i.queue, i.offered_at, i.answered_at, i.ended_at,
                   i.wait_seconds, i.handle_seconds, i.abandoned, i.transferred, i.first_contact_resolution, i.csat,
                   i.quality_score, i.agent_id, ?, now()
            from input i""";
    /** The chunk when some keys are known: only the records whose key is new; answers the positions of the others. */
    static final String INSERT_NEW = INPUT + """
            ,
            new_keys as (
                insert into interaction_keys (tenant_id, external_id, interaction_id)
                select ?, external_id, id from input order by ord
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
                returning id
            )
            select i.ord from input i where not exists (select 1 from stored s where s.id = i.id)""";

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
        private Future<BitSet> inFlight;
        private Columns inFlightColumns;
        private int chunks;
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
            // the values are encoded here, while the previous chunk is being written
            Columns columns = new Columns(List.copyOf(chunk), connection);
            Columns written = inFlightColumns;
            BitSet notStored = awaitInFlight();
            boolean savepoint = ++chunks <= MAX_SAVEPOINTS;
            inFlight = WRITERS.submit(() -> insertNew(physical(), tenantId, columns, receivedAt, savepoint));
            inFlightColumns = columns;
            // the previous chunk's records go to the rollups while the database writes this one
            if (written != null) {
                addToRollups(written, notStored);
            }
        }

        private void addToRollups(Columns written, BitSet notStored) {
            List<InteractionRecord> records = written.records;
            for (int i = 0; i < records.size(); i++) {
                if (!notStored.get(i)) {
                    InteractionRecord r = records.get(i);
                    rollups.add(r.offeredAt(), r.queue(), r.answeredAt(), r.endedAt(), r.waitSeconds(),
                            r.handleSeconds(), r.abandoned(), Boolean.TRUE.equals(r.transferred()),
                            r.firstContactResolution(), r.csat(), r.qualityScore());
                }
            }
            created += records.size() - notStored.cardinality();
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
            Columns written = inFlightColumns;
            BitSet notStored = awaitInFlight();
            if (written != null) {
                addToRollups(written, notStored);
            }
            try {
                rollups.addTo(connection, tenantId, UUID.randomUUID());
            } catch (SQLException e) {
                throw new IllegalStateException("Adding to the rollups failed", e);
            }
            return created;
        }

        /** @return the positions of the records of the chunk in flight that were not stored, duplicates */
        private BitSet awaitInFlight() {
            if (inFlight == null) {
                return null;
            }
            try {
                return inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while storing interaction records", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Storing interaction records failed", e.getCause());
            } finally {
                inFlight = null;
                inFlightColumns = null;
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

    /** A chunk's records and their values, one text array per column of the statement, encoded by the driver. */
    static final class Columns {
        private static final int COUNT = 14;
        final List<InteractionRecord> records;
        final Array[] arrays = new Array[COUNT];

        /** Encodes on {@code connection}, which sends nothing: the request thread does it while a chunk is written. */
        Columns(List<InteractionRecord> records, Connection connection) {
            this.records = records;
            int n = records.size();
            String[][] values = new String[COUNT][n];
            for (int i = 0; i < n; i++) {
                InteractionRecord r = records.get(i);
                values[0][i] = r.externalId();
                values[1][i] = r.channel().name();
                values[2][i] = r.queue();
                values[3][i] = text(r.offeredAt());
                values[4][i] = text(r.answeredAt());
                values[5][i] = text(r.endedAt());
                values[6][i] = text(r.waitSeconds());
                values[7][i] = text(r.handleSeconds());
                values[8][i] = text(r.abandoned());
                values[9][i] = Boolean.toString(Boolean.TRUE.equals(r.transferred()));
                values[10][i] = text(r.firstContactResolution());
                values[11][i] = text(r.csat());
                values[12][i] = r.qualityScore() == null ? null : r.qualityScore().toPlainString();
                values[13][i] = r.agentId();
            }
            try {
                for (int c = 0; c < COUNT; c++) {
                    arrays[c] = connection.createArrayOf("text", values[c]);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Encoding interaction records failed", e);
            }
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * Stores the records whose key is new; @return the positions (0-based) of those not stored, their key being
     * already there. First as if every key were new, under a savepoint; when a key was already there (a duplicate,
     * in the database or earlier in the chunk), back to the savepoint and again with the keys checked one by one. One
     * savepoint a chunk, for the first {@link #MAX_SAVEPOINTS} chunks of a batch (a batch of the default largest
     * size, 100,000 records, has 21): more subtransactions than PostgreSQL tracks per transaction (64) would slow
     * every session's snapshots down, so chunks beyond them check their keys one by one from the start.
     */
    static BitSet insertNew(Connection connection, String tenantId, Columns columns, Instant receivedAt,
            boolean savepoint) {
        try {
            return savepoint && insertAll(connection, tenantId, columns, receivedAt) ? new BitSet()
                    : insertOnlyNew(connection, tenantId, columns, receivedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing interaction records failed", e);
        }
    }

    /** @return whether every record was stored; false (and nothing stored) when a key was already there */
    private static boolean insertAll(Connection connection, String tenantId, Columns columns, Instant receivedAt)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            bind(insert, tenantId, columns, receivedAt);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    /** @return the positions (0-based) of the records not stored, their key being already there */
    private static BitSet insertOnlyNew(Connection connection, String tenantId, Columns columns, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            bind(insert, tenantId, columns, receivedAt);
            BitSet notStored = new BitSet();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    notStored.set(rows.getInt(1) - 1);
                }
            }
            return notStored;
        }
    }

    private static void bind(PreparedStatement insert, String tenantId, Columns columns, Instant receivedAt)
            throws SQLException {
        int p = 1;
        for (Array column : columns.arrays) {
            insert.setArray(p++, column);
        }
        insert.setString(p++, tenantId);
        insert.setString(p++, tenantId);
        insert.setTimestamp(p, Timestamp.from(receivedAt));
    }

    @PreDestroy
    void stopWriters() {
        WRITERS.shutdown();
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

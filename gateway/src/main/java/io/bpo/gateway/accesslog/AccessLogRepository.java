package io.bpo.gateway.accesslog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Plain JDBC on the app role's datasource: the table is append-only, so there is nothing for an ORM to do. */
@ApplicationScoped
public class AccessLogRepository {

    private static final String INSERT = """
            INSERT INTO access_log (id, occurred_at, request_id, subject, username, roles, client_id, service,
                                    method, path, status, outcome, reason, source_address, user_agent, duration_ms,
                                    chain_seq, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String CREATE_HEAD = """
            INSERT INTO access_log_chain_heads (chain_key, chain_seq, hash) VALUES (?, 0, ?)
            ON CONFLICT (chain_key) DO NOTHING
            """;

    private static final String LOCK_HEADS = """
            SELECT chain_key, chain_seq, hash FROM access_log_chain_heads
            WHERE chain_key = ANY (?) ORDER BY chain_key FOR UPDATE
            """;

    private static final String MOVE_HEAD =
            "UPDATE access_log_chain_heads SET chain_seq = ?, hash = ? WHERE chain_key = ?";

    private static final String CHAINED = """
            SELECT id, occurred_at, request_id, subject, username, roles, client_id, service, method, path, status,
                   outcome, reason, source_address, user_agent, duration_ms, chain_seq, prev_hash, hash
            FROM access_log
            WHERE chain_seq IS NOT NULL AND (CAST(? AS text) IS NULL OR coalesce(client_id, '-') = ?)
            ORDER BY coalesce(client_id, '-'), chain_seq
            """;

    private static final String UNCHAINED = """
            SELECT count(*) FROM access_log
            WHERE chain_seq IS NULL AND (CAST(? AS text) IS NULL OR coalesce(client_id, '-') = ?)
            """;

    private static final String HEADS = """
            SELECT chain_key, chain_seq FROM access_log_chain_heads
            WHERE CAST(? AS text) IS NULL OR chain_key = ?
            """;

    private static final String SELECT = """
            SELECT id, occurred_at, request_id, subject, username, roles, client_id, service, method, path, status,
                   outcome, reason, source_address, user_agent, duration_ms
            FROM access_log
            """;

    private final DataSource dataSource;

    AccessLogRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the entries, in list order, with one JDBC batch in one transaction, and commits; returns only once
     * they are durable. Either all of them are committed or none is. Blocking: call from the access-log writer.
     */
    public void appendAll(List<AccessLogEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                Map<String, Head> heads = lockHeads(connection, entries);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (AccessLogEntry entry : entries) {
                        Head head = heads.get(ChainHash.chainKey(entry.clientId()));
                        long chainSeq = head.seq() + 1;
                        String hash = ChainHash.hash(head.key(), chainSeq, head.hash(), entry);
                        bind(connection, insert, entry);
                        insert.setLong(17, chainSeq);
                        insert.setString(18, head.hash());
                        insert.setString(19, hash);
                        insert.addBatch();
                        heads.put(head.key(), new Head(head.key(), chainSeq, hash));
                    }
                    // rows are inserted in batch order, so seq (identity) follows the list
                    insert.executeBatch();
                }
                try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
                    for (Head head : heads.values()) {
                        move.setLong(1, head.seq());
                        move.setString(2, head.hash());
                        move.setString(3, head.key());
                        move.addBatch();
                    }
                    move.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        }
    }

    private record Head(String key, long seq, String hash) {
    }

    /**
     * Creates the heads of new chains and locks the heads of every chain in the batch until commit, in chain-key
     * order (so that the writers of several replicas cannot deadlock): another replica's writer extending one of
     * these chains waits for this transaction, then reads the head it moved.
     */
    private static Map<String, Head> lockHeads(Connection connection, List<AccessLogEntry> entries)
            throws SQLException {
        TreeSet<String> keys = new TreeSet<>();
        for (AccessLogEntry entry : entries) {
            keys.add(ChainHash.chainKey(entry.clientId()));
        }
        try (PreparedStatement create = connection.prepareStatement(CREATE_HEAD)) {
            for (String key : keys) {
                create.setString(1, key);
                create.setString(2, ChainHash.GENESIS);
                create.addBatch();
            }
            create.executeBatch();
        }
        Map<String, Head> heads = new TreeMap<>();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEADS)) {
            lock.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    heads.put(key, new Head(key, rows.getLong(2), rows.getString(3)));
                }
            }
        }
        if (!heads.keySet().equals(keys)) {
            throw new SQLException("access-log chain heads missing for " + keys + ", found " + heads.keySet());
        }
        return heads;
    }

    /**
     * True when the database refused an entry's data (SQLSTATE class 22, data exception, or 23, integrity
     * constraint violation): the statement failed, the transaction was rolled back and nothing was committed,
     * so the entries may safely be written again, one by one. Connection and commit failures are not: a commit
     * whose answer was lost may have succeeded.
     */
    public static boolean isEntryError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                    if (next.getNextException() == next) {
                        break;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void bind(Connection connection, PreparedStatement insert, AccessLogEntry entry)
            throws SQLException {
        int i = 0;
        insert.setObject(++i, entry.id());
        insert.setObject(++i, OffsetDateTime.ofInstant(ChainHash.stored(entry.occurredAt()), ZoneOffset.UTC));
        insert.setString(++i, entry.requestId());
        insert.setString(++i, entry.subject());
        insert.setString(++i, entry.username());
        insert.setArray(++i, connection.createArrayOf("text", entry.roles().toArray()));
        insert.setString(++i, entry.clientId());
        insert.setString(++i, entry.service());
        insert.setString(++i, entry.method());
        insert.setString(++i, entry.path());
        insert.setInt(++i, entry.status());
        insert.setString(++i, entry.outcome().name());
        insert.setString(++i, entry.reason());
        insert.setString(++i, entry.sourceAddress());
        insert.setString(++i, entry.userAgent());
        insert.setLong(++i, entry.durationMs());
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            // the pool resets or discards the connection on its return
        }
    }

    /** Entries matching the query, newest first, at most {@code max} of them. */
    public List<AccessLogEntry> find(AccessLogQuery query, int max) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (query.clientId() != null) {
            sql.append(" AND client_id = ?");
            args.add(query.clientId());
        }
        if (query.subject() != null) {
            sql.append(" AND subject = ?");
            args.add(query.subject());
        }
        if (query.outcome() != null) {
            sql.append(" AND outcome = ?");
            args.add(query.outcome().name());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        if (query.after() != null) {
            sql.append(" AND (occurred_at, id) < (?, ?)");
            args.add(OffsetDateTime.ofInstant(query.after().occurredAt(), ZoneOffset.UTC));
            args.add(query.after().id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        args.add(max);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<AccessLogEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
            return entries;
        }
    }

    private static AccessLogEntry read(ResultSet row) throws SQLException {
        Array roles = row.getArray("roles");
        return new AccessLogEntry(
                row.getObject("id", UUID.class),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("request_id"),
                row.getString("subject"),
                row.getString("username"),
                roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
                row.getString("client_id"),
                row.getString("service"),
                row.getString("method"),
                row.getString("path"),
                row.getInt("status"),
                AccessOutcome.valueOf(row.getString("outcome")),
                row.getString("reason"),
                row.getString("source_address"),
                row.getString("user_agent"),
                row.getLong("duration_ms"));
    }

    /** One chained row as stored. */
    public record ChainedRow(AccessLogEntry entry, long chainSeq, String prevHash, String hash) {
    }

    /** Read with the chained rows, in the same snapshot: the pre-chain row count and each chain's head seq. */
    public record ChainSnapshot(long unchained, Map<String, Long> heads) {
    }

    /**
     * Streams the chained rows (of one chain, or of all when {@code chainKey} is null) in chain-key then
     * chain_seq order to {@code sink}, and returns the number of pre-chain rows and the chain heads, all read in
     * one REPEATABLE READ, read-only transaction.
     */
    public ChainSnapshot readChains(String chainKey, Consumer<ChainedRow> sink) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                try (PreparedStatement select = connection.prepareStatement(CHAINED)) {
                    select.setFetchSize(1000);
                    select.setString(1, chainKey);
                    select.setString(2, chainKey);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sink.accept(new ChainedRow(read(rows), rows.getLong("chain_seq"),
                                    rows.getString("prev_hash"), rows.getString("hash")));
                        }
                    }
                }
                long unchained;
                try (PreparedStatement count = connection.prepareStatement(UNCHAINED)) {
                    count.setString(1, chainKey);
                    count.setString(2, chainKey);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        unchained = rows.getLong(1);
                    }
                }
                Map<String, Long> heads = new TreeMap<>();
                try (PreparedStatement select = connection.prepareStatement(HEADS)) {
                    select.setString(1, chainKey);
                    select.setString(2, chainKey);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            heads.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                }
                connection.commit();
                return new ChainSnapshot(unchained, heads);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                try {
                    connection.setReadOnly(false);
                    connection.setTransactionIsolation(isolation);
                } catch (SQLException | RuntimeException e) {
                    // the pool resets or discards the connection on its return
                }
                if (autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        }
    }
}

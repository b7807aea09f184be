package io.bpo.gateway.accesslog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Plain JDBC on the app role's datasource: the table is append-only, so there is nothing for an ORM to do. */
@ApplicationScoped
public class AccessLogRepository {

    private static final String INSERT = """
            INSERT INTO access_log (id, occurred_at, request_id, subject, username, roles, client_id, service,
                                    method, path, status, outcome, reason, source_address, user_agent, duration_ms,
                                    path_template, resource_ids, hash_version, chain_seq, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /**
     * The fast path of {@link #appendAll}: moves each head from where the writer last saw it (or not at all), lets
     * {@code access_log_heads_moved} abort the statement unless every head moved, and inserts the entries in list
     * order. One statement in auto-commit: one round trip, atomic, durable when it returns (V5, decision 0018).
     */
    private static final String APPEND_AT_KNOWN_HEADS = """
            WITH moved AS (
                UPDATE access_log_chain_heads h SET chain_seq = n.new_seq, hash = n.new_hash
                FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS bigint[]),
                            CAST(? AS text[])) AS n(chain_key, old_seq, old_hash, new_seq, new_hash)
                WHERE h.chain_key = n.chain_key AND h.chain_seq = n.old_seq AND h.hash = n.old_hash
                RETURNING h.chain_key
            ), guard AS (
                SELECT access_log_heads_moved(?, (SELECT count(*) FROM moved)) AS heads
            )
            INSERT INTO access_log (id, occurred_at, request_id, subject, username, roles, client_id, service,
                                    method, path, status, outcome, reason, source_address, user_agent, duration_ms,
                                    path_template, resource_ids, hash_version, chain_seq, prev_hash, hash)
            SELECT CAST(e.id AS uuid), CAST(e.occurred_at AS timestamptz), e.request_id, e.subject, e.username,
                   CAST(e.roles AS text[]), e.client_id, e.service, e.method, e.path, e.status, e.outcome, e.reason,
                   e.source_address, e.user_agent, e.duration_ms, e.path_template, CAST(e.resource_ids AS text[]),
                   e.hash_version, e.chain_seq, e.prev_hash, e.hash
            FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS smallint[]), CAST(? AS text[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS smallint[]), CAST(? AS bigint[]),
                        CAST(? AS text[]), CAST(? AS text[]))
                 WITH ORDINALITY AS e(id, occurred_at, request_id, subject, username, roles, client_id, service,
                                      method, path, status, outcome, reason, source_address, user_agent,
                                      duration_ms, path_template, resource_ids, hash_version, chain_seq, prev_hash,
                                      hash, ord)
            CROSS JOIN guard
            ORDER BY e.ord
            """;

    /** SQLSTATE of {@code access_log_heads_moved}: another writer moved a head; nothing was written. */
    static final String HEADS_MOVED = "BP409";

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

    /** Every column a reader needs, live and archived rows alike. */
    static final String COLUMNS = """
            id, occurred_at, request_id, subject, username, roles, client_id, service, method, path, path_template,
            resource_ids, status, outcome, reason, source_address, user_agent, duration_ms, chain_seq, prev_hash,
            hash, hash_version
            """;

    private static final String CHAINED = "SELECT " + COLUMNS + """
            FROM access_log_all
            WHERE chain_seq IS NOT NULL AND (CAST(? AS text[]) IS NULL OR coalesce(client_id, '-') = ANY (?))
            ORDER BY coalesce(client_id, '-'), chain_seq
            """;

    private static final String UNCHAINED = """
            SELECT count(*) FROM access_log_all
            WHERE chain_seq IS NULL AND (CAST(? AS text[]) IS NULL OR coalesce(client_id, '-') = ANY (?))
            """;

    private static final String HEADS = """
            SELECT chain_key, chain_seq FROM access_log_chain_heads
            WHERE CAST(? AS text[]) IS NULL OR chain_key = ANY (?)
            """;

    private static final String SELECT = "SELECT " + COLUMNS + " FROM access_log_all ";

    private static final String CROSS_TENANT_DENIALS = """
            SELECT subject, (array_agg(username ORDER BY occurred_at DESC))[1], count(*), min(occurred_at),
                   max(occurred_at), array_agg(DISTINCT client_id ORDER BY client_id)
            FROM access_log_all
            WHERE outcome = 'DENIED_TENANT' AND subject IS NOT NULL AND client_id IS NOT NULL
              AND occurred_at >= ? AND occurred_at < ?
              AND (CAST(? AS text[]) IS NULL OR client_id = ANY (?))
            GROUP BY subject
            HAVING count(*) >= ?
            ORDER BY count(*) DESC, subject
            LIMIT 500
            """;

    private final DataSource dataSource;
    /** Chain keys whose head row this writer has seen: no need to create them again. */
    private final Set<String> knownHeads = ConcurrentHashMap.newKeySet();
    /** Where this writer last left each chain's head: the fast path's expectation, checked by the database. */
    private final Map<String, Head> lastHeads = new ConcurrentHashMap<>();
    /** Batches written by the one-statement path, and batches it handed to the locking path (tests, diagnosis). */
    private final AtomicLong fastAppends = new AtomicLong();
    private final AtomicLong headsMovedElsewhere = new AtomicLong();

    AccessLogRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the entries, in list order, with one JDBC batch in one transaction, and commits; returns only once
     * they are durable. Either all of them are committed or none is. Blocking: call from the access-log writer.
     */
    public void appendAll(List<AccessLogEntry> entries) throws SQLException {
        if (entries.isEmpty() || appendAtKnownHeads(entries)) {
            return;
        }
        appendLocked(entries);
    }

    long fastAppends() {
        return fastAppends.get();
    }

    long headsMovedElsewhere() {
        return headsMovedElsewhere.get();
    }

    /**
     * The fast path: when the writer knows where every chain of the batch ends (it wrote there last), one statement
     * moves the heads from there and inserts the entries. The database checks the expectation: if another writer
     * moved a head meanwhile, nothing is written and this returns false, for the locking path to do the batch.
     */
    private boolean appendAtKnownHeads(List<AccessLogEntry> entries) throws SQLException {
        Map<String, Head> start = new TreeMap<>();
        for (AccessLogEntry entry : entries) {
            String key = ChainHash.chainKey(entry.clientId());
            Head known = lastHeads.get(key);
            if (known == null) {
                return false;
            }
            start.putIfAbsent(key, known);
        }
        Map<String, Head> heads = new TreeMap<>(start);
        int n = entries.size();
        long[] chainSeqs = new long[n];
        String[] prevHashes = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            AccessLogEntry entry = entries.get(i);
            Head head = heads.get(ChainHash.chainKey(entry.clientId()));
            chainSeqs[i] = head.seq() + 1;
            prevHashes[i] = head.hash();
            hashes[i] = ChainHash.hash(ChainHash.CURRENT_VERSION, head.key(), chainSeqs[i], head.hash(), entry);
            heads.put(head.key(), new Head(head.key(), chainSeqs[i], hashes[i]));
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            try (PreparedStatement append = connection.prepareStatement(APPEND_AT_KNOWN_HEADS)) {
                bindAppend(connection, append, start, heads, entries, chainSeqs, prevHashes, hashes);
                append.executeUpdate();
            }
        } catch (SQLException e) {
            // whatever happened, the next batch reads the heads again
            lastHeads.clear();
            if (HEADS_MOVED.equals(e.getSQLState())) {
                headsMovedElsewhere.incrementAndGet();
                return false;
            }
            throw e;
        }
        lastHeads.putAll(heads);
        fastAppends.incrementAndGet();
        return true;
    }

    private static void bindAppend(Connection connection, PreparedStatement append, Map<String, Head> start,
            Map<String, Head> heads, List<AccessLogEntry> entries, long[] chainSeqs, String[] prevHashes,
            String[] hashes) throws SQLException {
        int p = 0;
        List<String> keys = new ArrayList<>(start.keySet());
        append.setArray(++p, connection.createArrayOf("text", keys.toArray()));
        append.setArray(++p, connection.createArrayOf("bigint", keys.stream().map(k -> start.get(k).seq()).toArray()));
        append.setArray(++p, connection.createArrayOf("text", keys.stream().map(k -> start.get(k).hash()).toArray()));
        append.setArray(++p, connection.createArrayOf("bigint", keys.stream().map(k -> heads.get(k).seq()).toArray()));
        append.setArray(++p, connection.createArrayOf("text", keys.stream().map(k -> heads.get(k).hash()).toArray()));
        append.setInt(++p, keys.size());
        int n = entries.size();
        Object[][] columns = new Object[22][n];
        for (int i = 0; i < n; i++) {
            AccessLogEntry e = entries.get(i);
            int c = 0;
            columns[c++][i] = e.id().toString();
            columns[c++][i] = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    OffsetDateTime.ofInstant(ChainHash.stored(e.occurredAt()), ZoneOffset.UTC));
            columns[c++][i] = e.requestId();
            columns[c++][i] = e.subject();
            columns[c++][i] = e.username();
            columns[c++][i] = arrayLiteral(e.roles());
            columns[c++][i] = e.clientId();
            columns[c++][i] = e.service();
            columns[c++][i] = e.method();
            columns[c++][i] = e.path();
            columns[c++][i] = e.status();
            columns[c++][i] = e.outcome().name();
            columns[c++][i] = e.reason();
            columns[c++][i] = e.sourceAddress();
            columns[c++][i] = e.userAgent();
            columns[c++][i] = e.durationMs();
            columns[c++][i] = e.pathTemplate();
            columns[c++][i] = arrayLiteral(e.resourceIds().values());
            columns[c++][i] = ChainHash.CURRENT_VERSION;
            columns[c++][i] = chainSeqs[i];
            columns[c++][i] = prevHashes[i];
            columns[c][i] = hashes[i];
        }
        String[] types = {"text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "smallint",
            "text", "text", "text", "text", "bigint", "text", "text", "smallint", "bigint", "text", "text"};
        for (int c = 0; c < columns.length; c++) {
            Object[] column = columns[c];
            if ("smallint".equals(types[c])) {
                column = Arrays.stream(column).map(v -> ((Number) v).shortValue()).toArray();
            } else if ("bigint".equals(types[c])) {
                column = Arrays.stream(column).map(v -> ((Number) v).longValue()).toArray();
            }
            append.setArray(++p, connection.createArrayOf(types[c], column));
        }
    }

    /** A PostgreSQL array literal of the strings, each quoted, for a text[] column passed inside a text[]. */
    static String arrayLiteral(java.util.Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /** The locking path: heads read under FOR UPDATE, then the entries and the heads written, then commit. */
    private void appendLocked(List<AccessLogEntry> entries) throws SQLException {
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
                        String hash = ChainHash.hash(ChainHash.CURRENT_VERSION, head.key(), chainSeq, head.hash(),
                                entry);
                        bind(connection, insert, entry);
                        insert.setLong(20, chainSeq);
                        insert.setString(21, head.hash());
                        insert.setString(22, hash);
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
                lastHeads.putAll(heads);
            } catch (SQLException | RuntimeException e) {
                lastHeads.clear();
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
     * these chains waits for this transaction, then reads the head it moved. Heads this writer has already seen
     * are not created again (one round trip less per batch); a head that vanished meanwhile is created again.
     */
    private Map<String, Head> lockHeads(Connection connection, List<AccessLogEntry> entries) throws SQLException {
        TreeSet<String> keys = new TreeSet<>();
        for (AccessLogEntry entry : entries) {
            keys.add(ChainHash.chainKey(entry.clientId()));
        }
        TreeSet<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(knownHeads);
        if (!unknown.isEmpty()) {
            createHeads(connection, unknown);
        }
        Map<String, Head> heads = selectHeads(connection, keys);
        if (!heads.keySet().equals(keys)) {
            TreeSet<String> missing = new TreeSet<>(keys);
            missing.removeAll(heads.keySet());
            knownHeads.removeAll(missing);
            createHeads(connection, missing);
            heads = selectHeads(connection, keys);
            if (!heads.keySet().equals(keys)) {
                throw new SQLException("access-log chain heads missing for " + keys + ", found " + heads.keySet());
            }
        }
        // seen inside a transaction that may still roll back: a head not committed shows up as missing next time
        knownHeads.addAll(keys);
        return heads;
    }

    private static void createHeads(Connection connection, Set<String> keys) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(CREATE_HEAD)) {
            for (String key : keys) {
                create.setString(1, key);
                create.setString(2, ChainHash.GENESIS);
                create.addBatch();
            }
            create.executeBatch();
        }
    }

    private static Map<String, Head> selectHeads(Connection connection, Set<String> keys) throws SQLException {
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
        insert.setString(++i, entry.pathTemplate());
        insert.setArray(++i, connection.createArrayOf("text", entry.resourceIds().values().toArray()));
        insert.setInt(++i, ChainHash.CURRENT_VERSION);
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

    /**
     * Which of these entries are in the table: after a connection broke during a write, tells a batch that was
     * committed (its answer was lost) from one that was not, so that it is neither lost nor written twice.
     */
    public Set<UUID> committedAmong(List<UUID> ids) throws SQLException {
        Set<UUID> found = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM access_log WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    /** Entries matching the query, newest first, at most {@code max} of them. */
    public List<AccessLogEntry> find(AccessLogQuery query, int max) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>();
        where(query, sql, args);
        if (query.after() != null) {
            sql.append(" AND (occurred_at, id) < (?, ?)");
            args.add(OffsetDateTime.ofInstant(query.after().occurredAt(), ZoneOffset.UTC));
            args.add(query.after().id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        args.add(max);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            bindAll(connection, select, args);
            List<AccessLogEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
            return entries;
        }
    }

    /** The query's filters as a WHERE clause over access_log_all (both tables). */
    static void where(AccessLogQuery query, StringBuilder sql, List<Object> args) {
        sql.append(" WHERE TRUE");
        if (query.scope() != null) {
            sql.append(" AND client_id = ANY (?)");
            args.add(query.scope().toArray(String[]::new));
        }
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
        if (query.resource() != null) {
            // the resource itself and everything under it
            sql.append(" AND (path = ? OR starts_with(path, ?))");
            args.add(query.resource());
            args.add(query.resource() + "/");
        }
        if (query.pathTemplate() != null) {
            sql.append(" AND path_template = ?");
            args.add(query.pathTemplate());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
    }

    static void bindAll(Connection connection, PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    static AccessLogEntry read(ResultSet row) throws SQLException {
        Array roles = row.getArray("roles");
        Array ids = row.getArray("resource_ids");
        String template = row.getString("path_template");
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
                template,
                PathTemplate.ids(template, ids == null ? List.of() : Arrays.asList((String[]) ids.getArray())),
                row.getInt("status"),
                AccessOutcome.valueOf(row.getString("outcome")),
                row.getString("reason"),
                row.getString("source_address"),
                row.getString("user_agent"),
                row.getLong("duration_ms"));
    }

    /** One chained row as stored; {@code hashVersion} names its canonical encoding (ChainHash). */
    public record ChainedRow(AccessLogEntry entry, long chainSeq, String prevHash, String hash, int hashVersion) {

        public ChainedRow(AccessLogEntry entry, long chainSeq, String prevHash, String hash) {
            this(entry, chainSeq, prevHash, hash, ChainHash.CURRENT_VERSION);
        }

        static ChainedRow read(ResultSet row) throws SQLException {
            return new ChainedRow(AccessLogRepository.read(row), row.getLong("chain_seq"), row.getString("prev_hash"),
                    row.getString("hash"), row.getInt("hash_version"));
        }
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
        return readChains(chainKey == null ? null : List.of(chainKey), sink);
    }

    /** As {@link #readChains(String, Consumer)}, for the chains named (all when {@code chainKeys} is null). */
    public ChainSnapshot readChains(List<String> chainKeys, Consumer<ChainedRow> sink) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                try (PreparedStatement select = connection.prepareStatement(CHAINED)) {
                    select.setFetchSize(1000);
                    bindKeys(connection, select, chainKeys);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sink.accept(ChainedRow.read(rows));
                        }
                    }
                }
                long unchained;
                try (PreparedStatement count = connection.prepareStatement(UNCHAINED)) {
                    bindKeys(connection, count, chainKeys);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        unchained = rows.getLong(1);
                    }
                }
                Map<String, Long> heads = new TreeMap<>();
                try (PreparedStatement select = connection.prepareStatement(HEADS)) {
                    bindKeys(connection, select, chainKeys);
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

    private static void bindKeys(Connection connection, PreparedStatement statement, List<String> keys)
            throws SQLException {
        Array array = keys == null ? null : connection.createArrayOf("text", keys.toArray());
        statement.setArray(1, array);
        statement.setArray(2, array);
    }

    /** Subjects with at least {@code minDenials} DENIED_TENANT entries in [from, to), most first (at most 500). */
    public List<CrossTenantDenials> crossTenantDenials(java.time.Instant from, java.time.Instant to, int minDenials,
            List<String> scope) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CROSS_TENANT_DENIALS)) {
            Array clients = scope == null ? null : connection.createArrayOf("text", scope.toArray());
            select.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            select.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            select.setArray(3, clients);
            select.setArray(4, clients);
            select.setInt(5, minDenials);
            List<CrossTenantDenials> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new CrossTenantDenials(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(),
                            rows.getObject(5, OffsetDateTime.class).toInstant(),
                            Arrays.asList((String[]) rows.getArray(6).getArray())));
                }
            }
            return result;
        }
    }
}

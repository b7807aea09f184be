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
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Plain JDBC on the app role's datasource: the table is append-only, so there is nothing for an ORM to do. */
@ApplicationScoped
public class AccessLogRepository {

    private static final String INSERT = """
            INSERT INTO access_log (id, occurred_at, request_id, subject, username, roles, client_id, service,
                                    method, path, status, outcome, reason, source_address, user_agent, duration_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AccessLogEntry entry : entries) {
                    bind(connection, insert, entry);
                    insert.addBatch();
                }
                // rows are inserted in batch order, so seq (identity) follows the list
                insert.executeBatch();
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
        insert.setObject(++i, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
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
}

package io.bpo.gateway.accesslog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs an export's reads in one read-only REPEATABLE READ transaction, so that a long streamed export sees one
 * consistent state of the log, and gives the connection back as it found it.
 */
final class ReadSnapshot {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private ReadSnapshot() {
    }

    static <T> T in(DataSource dataSource, Work<T> work) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            // a server-side cursor (fetch size) needs a transaction
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                try {
                    connection.setReadOnly(false);
                    connection.setTransactionIsolation(isolation);
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException | RuntimeException e) {
                    // the pool resets or discards the connection on its return
                }
            }
        }
    }
}

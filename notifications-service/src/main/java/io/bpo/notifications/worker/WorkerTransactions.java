package io.bpo.notifications.worker;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What the queue workers share: their row-level-security admission and waking them after a commit. */
public final class WorkerTransactions {
    private WorkerTransactions() {
    }

    /**
     * Admits the current transaction to every client's queue rows (policies worker_read / worker_update) and takes
     * the transaction-scoped advisory lock {@code lock}; false when another replica holds it.
     */
    public static boolean enterQueue(Connection connection, long lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('app.notification_worker', 'on', true), pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, lock);
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(2);
            }
        }
    }

    public static void afterCommit(TransactionSynchronizationRegistry registry, Runnable action) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}

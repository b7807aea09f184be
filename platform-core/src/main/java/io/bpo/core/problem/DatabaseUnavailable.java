package io.bpo.core.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached (down, restarting, failing over, out of connections) from a defect of
 * ours. The first is the client's cue to come back shortly (503 with Retry-After), the second is a 500.
 * <p>
 * Recognised anywhere in the cause chain, whatever wraps it (Hibernate, JTA, the tenant binder): SQLSTATE class 08
 * (connection exception), 57P01/57P02/57P03 (the server is shutting down or starting), 53300 (too many
 * connections), a {@link SQLTransientConnectionException}, and the pool's own acquisition timeout, which carries
 * no SQLSTATE. A refused TCP connection reaches here as the driver's 08001; one to another HTTP service does not
 * count (its client maps it to 502/503 itself).
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again: a PostgreSQL restart or a CloudNativePG switchover. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** In Agroal's messages when no connection could be had in time (no SQLSTATE, plain SQLException). */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        return isCause(failure, 0);
    }

    // suppressed exceptions too: a transaction manager may keep the resource's failure there, not as the cause
    private static boolean isCause(Throwable failure, int nesting) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            if (nesting < 2) {
                for (Throwable suppressed : cause.getSuppressed()) {
                    if (isCause(suppressed, nesting + 1)) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean unavailable(SQLException first) {
        int depth = 0;
        for (SQLException sql = first; sql != null && depth < 32; sql = sql.getNextException(), depth++) {
            if (sql instanceof SQLTransientConnectionException) {
                return true;
            }
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                return true;
            }
            String message = sql.getMessage();
            if (state == null && message != null
                    && message.toLowerCase(java.util.Locale.ROOT).contains(ACQUISITION_TIMEOUT)) {
                return true;
            }
            if (sql.getNextException() == sql) {
                break;
            }
        }
        return false;
    }
}

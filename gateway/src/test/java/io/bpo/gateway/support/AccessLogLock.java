package io.bpo.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds a SHARE lock on access_log (as the owner role) until closed: inserts wait, reads go on. Lets a test stop
 * the access-log writer in the middle of a commit, so that entries pile up behind it and the next batch is
 * known to hold all of them.
 */
public final class AccessLogLock implements AutoCloseable {

    private final Connection owner;

    private AccessLogLock(Connection owner) {
        this.owner = owner;
    }

    public static AccessLogLock acquire() {
        Config config = ConfigProvider.getConfig();
        try {
            Connection owner = DriverManager.getConnection(
                    config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.flyway.username", String.class),
                    config.getValue("quarkus.flyway.password", String.class));
            owner.setAutoCommit(false);
            try (Statement lock = owner.createStatement()) {
                lock.execute("LOCK TABLE access_log IN SHARE MODE");
            }
            return new AccessLogLock(owner);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases the lock: the blocked insert goes on. */
    @Override
    public void close() {
        try {
            owner.rollback();
            owner.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

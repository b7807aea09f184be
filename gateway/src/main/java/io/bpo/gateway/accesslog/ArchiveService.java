package io.bpo.gateway.accesslog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.bpo.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Retention: every {@code bpo.gateway.access-log.archive-interval}, moves the entries older than
 * {@code retention-months} (default 13) from access_log to access_log_archive. The app role has no UPDATE or
 * DELETE on either table: it calls the database function access_log_archive(cutoff), SECURITY DEFINER and owned
 * by the owner role, which moves the rows unchanged (hashes included) in one statement and refuses cutoffs less
 * than 28 days ago (decision record 0016). Several replicas may run it at once: a row is moved once.
 */
@ApplicationScoped
public class ArchiveService {

    private static final Logger LOG = Logger.getLogger(ArchiveService.class);

    private final DataSource dataSource;
    private final GatewayConfig config;
    private ScheduledExecutorService timer;

    ArchiveService(DataSource dataSource, GatewayConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.accessLog().retentionMonths() < 1) {
            throw new IllegalStateException("bpo.gateway.access-log.retention-months must be at least 1, got "
                    + config.accessLog().retentionMonths());
        }
        long millis = Math.max(1000, config.accessLog().archiveInterval().toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "access-log-archive");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::archiveQuietly, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("access-log retention %d months, archived every %d ms", config.accessLog().retentionMonths(),
                millis);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void archiveQuietly() {
        try {
            archive(Instant.now());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("access-log archiving failed: %s", e.toString());
        }
    }

    /** The instant before which entries are archived: {@code retention-months} before {@code now}, in UTC. */
    public Instant cutoff(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC).minusMonths(config.accessLog().retentionMonths())
                .toInstant();
    }

    /** Moves the entries older than the retention period at {@code now}; returns how many moved. */
    public long archive(Instant now) throws SQLException {
        return archiveBefore(cutoff(now));
    }

    /** Moves the entries that occurred before {@code cutoff} (at least 28 days ago); returns how many. */
    public long archiveBefore(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement call = connection.prepareStatement("SELECT access_log_archive(?)")) {
            call.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            try (ResultSet row = call.executeQuery()) {
                row.next();
                long moved = row.getLong(1);
                if (moved > 0) {
                    LOG.infof("access log: %d entries older than %s moved to the archive", moved, cutoff);
                }
                return moved;
            }
        }
    }
}

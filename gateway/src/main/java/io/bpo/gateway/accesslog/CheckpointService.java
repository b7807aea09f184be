package io.bpo.gateway.accesslog;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.bpo.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Writes a signed checkpoint for every chain whose head moved since its last checkpoint: every
 * {@code bpo.gateway.access-log.checkpoint-interval}, from one daemon thread, and on demand.
 */
@ApplicationScoped
public class CheckpointService {

    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    private final CheckpointRepository repository;
    private final CheckpointSigner signer;
    private final GatewayConfig config;
    private ScheduledExecutorService timer;

    CheckpointService(CheckpointRepository repository, CheckpointSigner signer, GatewayConfig config) {
        this.repository = repository;
        this.signer = signer;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        long millis = Math.max(1000, config.accessLog().checkpointInterval().toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "access-log-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("access-log checkpoints every %d ms, key %s", millis, signer.keyId());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("access-log checkpoint failed: %s", e.toString());
        }
    }

    /** Signs and stores a checkpoint at the head of every chain that moved; returns them. */
    public synchronized List<Checkpoint> checkpoint() throws SQLException {
        Instant now = Instant.now();
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (CheckpointRepository.Head head : repository.movedHeads()) {
            checkpoints.add(signer.sign(head.chainKey(), head.chainSeq(), head.hash(), now));
        }
        repository.insertAll(checkpoints);
        if (!checkpoints.isEmpty()) {
            LOG.debugf("access-log checkpoints written for %d chains", checkpoints.size());
        }
        return checkpoints;
    }

    public List<Checkpoint> list(String chainKey) throws SQLException {
        return repository.list(chainKey);
    }

    /** Checkpoints of the chains named, every chain when null. */
    public List<Checkpoint> list(List<String> chainKeys) throws SQLException {
        return repository.list(chainKeys);
    }
}

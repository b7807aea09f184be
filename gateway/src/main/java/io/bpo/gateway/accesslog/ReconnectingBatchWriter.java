package io.bpo.gateway.accesslog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.bpo.core.problem.DatabaseUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes a batch of the access log across a lost database connection (a restart, a failover) without losing or
 * duplicating an entry.
 * <p>
 * When the write fails because the connection broke, the commit may or may not have happened: its answer is what
 * was lost. The writer then asks the database, on a new connection (the pool validates the ones it hands out),
 * which of the batch's entries it holds. All of them: the batch is acknowledged as it is, never written twice.
 * None: it is written once more. A batch is one statement or one transaction, so there is no third case; were there
 * one, the batch fails (its answers are withheld) rather than be half written twice. When the database cannot be
 * asked either, the batch fails as before: its answers are withheld (503), so no acknowledged entry is missing.
 */
final class ReconnectingBatchWriter implements GroupCommitter.BatchWriter {

    static final String RECONNECT_METRIC = "bpo.accesslog.reconnect";

    /** Which of the given entry ids are committed. */
    @FunctionalInterface
    interface CommittedEntries {
        Set<UUID> among(List<UUID> ids) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(ReconnectingBatchWriter.class);

    private final GroupCommitter.BatchWriter writer;
    private final CommittedEntries committed;
    private final Counter foundCommitted;
    private final Counter writtenAgain;

    ReconnectingBatchWriter(GroupCommitter.BatchWriter writer, CommittedEntries committed, MeterRegistry registry) {
        this.writer = writer;
        this.committed = committed;
        this.foundCommitted = reconnects(registry, "found-committed");
        this.writtenAgain = reconnects(registry, "written-again");
    }

    private static Counter reconnects(MeterRegistry registry, String outcome) {
        return Counter.builder(RECONNECT_METRIC)
                .description("Access-log batches whose connection broke during the write, by what the writer found")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void write(List<AccessLogEntry> batch) throws Exception {
        try {
            writer.write(batch);
            return;
        } catch (Exception lost) {
            if (!DatabaseUnavailable.isCause(lost)) {
                throw lost;
            }
            reconcile(batch, lost);
        }
    }

    private void reconcile(List<AccessLogEntry> batch, Exception lost) throws Exception {
        List<UUID> ids = new ArrayList<>(batch.size());
        for (AccessLogEntry entry : batch) {
            ids.add(entry.id());
        }
        Set<UUID> found;
        try {
            found = committed.among(ids);
        } catch (Exception | Error stillDown) {
            lost.addSuppressed(stillDown);
            throw lost;
        }
        if (found.size() == ids.size()) {
            foundCommitted.increment();
            LOG.infof("access-log batch of %d: the connection broke after the commit (%s); acknowledged as written",
                    batch.size(), lost.toString());
            return;
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("access-log batch of " + batch.size() + " only partly committed ("
                    + found.size() + " entries); not written again", lost);
        }
        writtenAgain.increment();
        LOG.infof("access-log batch of %d: the connection broke before the commit (%s); writing it again",
                batch.size(), lost.toString());
        writer.write(batch);
    }
}

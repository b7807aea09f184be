package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A batch whose connection broke during the write is neither lost nor written twice: the writer asks the database
 * on a new connection what it holds, and acknowledges or writes again accordingly.
 */
class ReconnectingBatchWriterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** The table as the fake database holds it. */
    private final Set<UUID> table = new HashSet<>();
    private final List<Integer> writes = new ArrayList<>();
    private final List<AccessLogEntry> batch = List.of(GroupCommitterTest.entry("r1"), GroupCommitterTest.entry("r2"));

    private static SQLException connectionLost() {
        return new SQLException("An I/O error occurred while sending to the backend.", "08006");
    }

    private void commit(List<AccessLogEntry> entries) {
        writes.add(entries.size());
        entries.forEach(entry -> table.add(entry.id()));
    }

    private Set<UUID> lookup(List<UUID> ids) {
        Set<UUID> found = new HashSet<>(ids);
        found.retainAll(table);
        return found;
    }

    @Test
    void batchCommittedBeforeTheConnectionBrokeIsAcknowledgedNotWrittenAgain() throws Exception {
        var writer = new ReconnectingBatchWriter(entries -> {
            commit(entries);
            if (writes.size() == 1) {
                throw connectionLost(); // the commit's answer was lost
            }
        }, this::lookup, registry);

        writer.write(batch);

        assertEquals(List.of(2), writes);
        assertEquals(2, table.size());
        assertEquals(1.0, registry.counter(ReconnectingBatchWriter.RECONNECT_METRIC, "outcome", "found-committed").count());
    }

    @Test
    void batchNotCommittedWhenTheConnectionBrokeIsWrittenOnceMore() throws Exception {
        var writer = new ReconnectingBatchWriter(entries -> {
            if (writes.isEmpty()) {
                writes.add(0);
                throw connectionLost(); // a pooled connection the restarted server had closed
            }
            commit(entries);
        }, this::lookup, registry);

        writer.write(batch);

        assertEquals(List.of(0, 2), writes);
        assertEquals(2, table.size());
        assertEquals(1.0, registry.counter(ReconnectingBatchWriter.RECONNECT_METRIC, "outcome", "written-again").count());
    }

    @Test
    void databaseStillAwayFailsTheBatchWithTheOriginalFailure() {
        SQLException lost = connectionLost();
        var writer = new ReconnectingBatchWriter(entries -> {
            throw lost;
        }, ids -> {
            throw new SQLException("Connection refused", "08001");
        }, registry);

        assertSame(lost, assertThrows(SQLException.class, () -> writer.write(batch)));
        assertEquals(1, lost.getSuppressed().length);
    }

    @Test
    void failureOtherThanALostConnectionIsNotReconciled() {
        SQLException refused = new SQLException("value too long", "22001");
        var writer = new ReconnectingBatchWriter(entries -> {
            throw refused;
        }, ids -> {
            throw new AssertionError("no lookup for an entry's own error");
        }, registry);

        assertSame(refused, assertThrows(SQLException.class, () -> writer.write(batch)));
    }
}

package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogLock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;

/**
 * Group commit against the real table: rows land in queue order (seq), many per transaction (same xmin), and an
 * entry the database refuses does not take its batch down.
 */
@QuarkusTest
class GroupCommitOrderTest {

    @Inject
    AccessLogWriter writer;

    @Inject
    DataSource dataSource;

    /** A written row: its request id, seq, and the id of the transaction that inserted it. */
    record Row(String requestId, long seq, long transaction) {
    }

    @Test
    void seqFollowsQueueOrderWithinAndAcrossBatches() throws Exception {
        String run = "order-" + UUID.randomUUID() + "-";
        List<String> queued = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        // the first batch waits on the lock, so that everything after it is queued before anything commits
        try (AccessLogLock lock = AccessLogLock.acquire()) {
            for (int i = 0; i < 1000; i++) {
                String requestId = run + "%04d".formatted(i);
                queued.add(requestId);
                done.add(completion(writer.append(entry(requestId, 200))));
            }
            Thread.sleep(100);
            assertTrue(done.stream().noneMatch(CompletableFuture::isDone), "completed before its commit");
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        List<Row> rows = rows(run);
        assertEquals(queued, rows.stream().map(Row::requestId).toList(), "seq order differs from queue order");
        Map<Long, List<Row>> byTransaction = byTransaction(rows);
        // 1000 entries, at most 256 per transaction: 4 full-or-less batches, plus the first if it was alone
        assertTrue(byTransaction.size() >= 4 && byTransaction.size() <= 5, "transactions: " + byTransaction.size());
        assertTrue(byTransaction.values().stream().allMatch(batch -> batch.size() <= 256));
        // each transaction holds a run of consecutive queue positions: batches never interleave
        int position = 0;
        for (List<Row> batch : byTransaction.values()) {
            for (Row row : batch) {
                assertEquals(queued.get(position++), row.requestId());
            }
        }
    }

    @Test
    void anEntryTheDatabaseRefusesDoesNotTakeItsBatchDown() throws Exception {
        String run = "refused-" + UUID.randomUUID() + "-";
        CompletableFuture<Void> before;
        CompletableFuture<Void> refused;
        CompletableFuture<Void> after;
        try (AccessLogLock lock = AccessLogLock.acquire()) {
            before = completion(writer.append(entry(run + "before", 200)));
            // violates access_log_status_ck
            refused = completion(writer.append(entry(run + "refused", 999)));
            after = completion(writer.append(entry(run + "after", 200)));
        }
        before.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertTrue(AccessLogRepository.isEntryError(failure.getCause()), failure.getCause().toString());

        assertEquals(List.of(run + "before", run + "after"), rows(run).stream().map(Row::requestId).toList());
    }

    @Test
    void batchSizeAndCommitTimeArePublished() {
        given().auth().oauth2(io.bpo.gateway.support.Tokens.of("metrics-user", List.of("client-manager"),
                List.of("acme-metrics")))
                .when().get("/api/v1/clients/acme-metrics/contracts")
                .then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("bpo_accesslog_batch_size_count"))
                .body(containsString("bpo_accesslog_batch_size_bucket"))
                .body(containsString("bpo_accesslog_commit_seconds_count{outcome=\"committed\""))
                .body(containsString("bpo_accesslog_commit_seconds_bucket"))
                .body(containsString("bpo_accesslog_pending"));
    }

    static AccessLogEntry entry(String requestId, int status) {
        return new AccessLogEntry(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), requestId,
                "order-test", "order-test-name", List.of("agent"), "acme-order", "contracts", "GET",
                "/api/v1/clients/acme-order/contracts", status, AccessOutcome.ALLOWED, null, "127.0.0.1", "test", 1);
    }

    static CompletableFuture<Void> completion(Future<Void> future) {
        return future.toCompletionStage().toCompletableFuture();
    }

    private List<Row> rows(String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT request_id, seq, xmin::text::bigint AS transaction
                        FROM access_log WHERE request_id LIKE ? ORDER BY seq
                        """)) {
            select.setString(1, prefix + "%");
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getLong(2), result.getLong(3)));
                }
            }
            return rows;
        }
    }

    /** Rows grouped by inserting transaction, groups in seq order. */
    static Map<Long, List<Row>> byTransaction(Collection<Row> rows) {
        Map<Long, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.transaction(), t -> new ArrayList<>()).add(row);
        }
        return groups;
    }
}

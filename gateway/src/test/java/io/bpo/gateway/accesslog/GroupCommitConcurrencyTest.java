package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogLock;
import io.bpo.gateway.support.Tokens;
import io.bpo.gateway.support.Waits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Under concurrency, with entries committed in groups, no answer reaches a client before its own entry is
 * committed: each response's request id is looked up in the table the moment the response head arrives.
 */
@QuarkusTest
class GroupCommitConcurrencyTest {

    static final String CLIENT = "acme-burst";
    /** Several subjects, so the per-subject rate limit stays out of the way. */
    static final List<String> TOKENS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).stream()
            .map(i -> Tokens.of("burst-user-" + i, List.of("client-manager"), List.of(CLIENT))).toList();

    @Inject
    AccessLogWriter writer;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI gateway;

    ExecutorService executor;
    HttpClient http;

    /** What a client saw: the status, and whether the entry was in the table when the head arrived. */
    record Seen(int status, int rowsAtArrival) {
    }

    @BeforeEach
    void client() {
        executor = Executors.newCachedThreadPool();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void closeClient() {
        executor.shutdownNow();
    }

    @Test
    void every2xxOf200ConcurrentRequestsIsAlreadyCommittedWhenItArrives() throws Exception {
        Map<String, Seen> seen = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String requestId = "burst-" + UUID.randomUUID();
            requestIds.add(requestId);
            String service = i % 2 == 0 ? "contracts" : "knowledge";
            answers.add(send(requestId, "/api/v1/clients/" + CLIENT + "/" + service + "/items/" + i, i, seen));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertEquals(200, seen.size());
        for (String requestId : requestIds) {
            Seen answer = seen.get(requestId);
            assertEquals(200, answer.status(), requestId);
            assertEquals(1, answer.rowsAtArrival(), "entry of " + requestId + " when its answer arrived");
        }
        assertEquals(200, transactionsOf(requestIds).values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void answersWaitForTheirBatchAndOneCommitReleasesThemAll() throws Exception {
        int requests = 40; // fewer than the connections per service: all of them reach the service meanwhile
        Map<String, Seen> seen = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        AtomicInteger arrivedEarly = new AtomicInteger();
        try (AccessLogLock lock = AccessLogLock.acquire()) {
            for (int i = 0; i < requests; i++) {
                String requestId = "held-" + UUID.randomUUID();
                requestIds.add(requestId);
                answers.add(send(requestId, "/api/v1/clients/" + CLIENT + "/contracts/c-" + i, i, seen));
            }
            // every answer is in, paused behind its entry; the first batch is stuck on the lock
            Waits.until(Duration.ofSeconds(20), () -> writer.pending() >= requests,
                    () -> "entries pending: " + writer.pending());
            Thread.sleep(200);
            arrivedEarly.set(seen.size());
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertEquals(0, arrivedEarly.get(), "answers released while their entries were not committed");
        for (String requestId : requestIds) {
            Seen answer = seen.get(requestId);
            assertEquals(200, answer.status(), requestId);
            assertEquals(1, answer.rowsAtArrival(), "entry of " + requestId + " when its answer arrived");
        }
        // the one stuck on the lock, then everything that queued behind it, in one transaction
        Map<Long, Integer> transactions = transactionsOf(requestIds);
        assertTrue(transactions.size() <= 2, "transactions: " + transactions);
        assertEquals(requests, transactions.values().stream().mapToInt(Integer::intValue).sum());
    }

    private CompletableFuture<?> send(String requestId, String path, int i, Map<String, Seen> seen) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", Tokens.bearer(TOKENS.get(i % TOKENS.size())))
                .header("X-Request-Id", requestId)
                .timeout(Duration.ofSeconds(60))
                .GET().build();
        return http.sendAsync(request, head -> {
            // runs when the status line and headers arrive, before the body is read
            seen.put(requestId, new Seen(head.statusCode(), rowCount(requestId)));
            return HttpResponse.BodySubscribers.discarding();
        });
    }

    private int rowCount(String requestId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM access_log WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows per inserting transaction (xmin) among the given requests' entries. */
    private Map<Long, Integer> transactionsOf(List<String> requestIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT xmin::text::bigint, count(*) FROM access_log
                        WHERE request_id = ANY (?) GROUP BY 1
                        """)) {
            select.setArray(1, connection.createArrayOf("text", requestIds.toArray()));
            Map<Long, Integer> transactions = new ConcurrentHashMap<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    transactions.put(result.getLong(1), result.getInt(2));
                }
            }
            return transactions;
        }
    }
}

package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.bpo.gateway.support.Waits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Fail closed under group commit: when a batch cannot be committed, every answer in it is withheld (503), and
 * the writer goes on with the entries that come after.
 */
@QuarkusTest
class AccessLogBatchFailureTest {

    static final String CLIENT = "acme-batch-failure";
    static final String TOKEN = Tokens.of("batch-failure-user", List.of("client-manager"), List.of(CLIENT));

    @Inject
    DataSource dataSource;

    @Inject
    AccessLogWriter writer;

    @ConfigProperty(name = "bpo.gateway.routes.contracts.url")
    String contractsUrl;

    @TestHTTPResource("/")
    URI gateway;

    /**
     * The real repository, except that its first batch waits for the test, and its second fails as a lost
     * connection at commit would, and so does the writer's second attempt at it (the database is still away; the
     * lookup of what was committed finds nothing, so the batch is written again once).
     */
    static final class ScriptedRepository extends AccessLogRepository {

        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        volatile List<String> failedBatch = List.of();
        volatile List<String> retriedBatch = List.of();

        ScriptedRepository(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public void appendAll(List<AccessLogEntry> entries) throws SQLException {
            int call = calls.incrementAndGet();
            if (call == 1) {
                firstEntered.countDown();
                try {
                    releaseFirst.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (call == 2) {
                failedBatch = entries.stream().map(AccessLogEntry::requestId).toList();
                throw new SQLException("connection lost during commit (simulated)", "08006");
            } else if (call == 3) {
                retriedBatch = entries.stream().map(AccessLogEntry::requestId).toList();
                throw new SQLException("connection lost again (simulated)", "08006");
            }
            super.appendAll(entries);
        }
    }

    @Test
    void everyAnswerOfAFailedBatchIsWithheldAndLaterEntriesAreWritten() throws Exception {
        ScriptedRepository repository = new ScriptedRepository(dataSource);
        QuarkusMock.installMockForType(repository, AccessLogRepository.class);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        String first = "batch-first-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> firstAnswer = http.sendAsync(request(first), ofString());
        assertTrue(repository.firstEntered.await(20, TimeUnit.SECONDS), "the first entry never reached the writer");

        List<String> doomed = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> doomedAnswers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String requestId = "batch-doomed-" + UUID.randomUUID();
            doomed.add(requestId);
            doomedAnswers.add(http.sendAsync(request(requestId), ofString()));
        }
        // the ten entries queue up behind the first batch: the next batch holds all of them
        Waits.until(Duration.ofSeconds(20), () -> writer.pending() >= 11, () -> "pending " + writer.pending());
        repository.releaseFirst.countDown();

        assertEquals(200, firstAnswer.get(20, TimeUnit.SECONDS).statusCode());
        assertEquals(1, AccessLogRows.byRequestId(dataSource, first).size());
        assertEquals(Set.copyOf(doomed), Set.copyOf(repository.failedBatch), "the failed batch");
        assertEquals(repository.failedBatch, repository.retriedBatch, "the batch written again after reconnecting");
        for (int i = 0; i < doomed.size(); i++) {
            String requestId = doomed.get(i);
            HttpResponse<String> answer = doomedAnswers.get(i).get(20, TimeUnit.SECONDS);
            assertEquals(503, answer.statusCode(), requestId);
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
            JsonPath problem = JsonPath.from(answer.body());
            assertEquals("https://bpo.example/problems/access-log-unavailable", problem.getString("type"));
            assertEquals(requestId, problem.getString("requestId"));
            // the service did answer; the gateway kept its answer from the client, and the log has no entry
            assertEquals(1, receivedByContracts(requestId), requestId);
            assertEquals(0, AccessLogRows.byRequestId(dataSource, requestId).size(), requestId);
        }

        // the writer goes on
        String later = "batch-later-" + UUID.randomUUID();
        assertEquals(200, http.send(request(later), ofString()).statusCode());
        assertEquals(1, AccessLogRows.byRequestId(dataSource, later).size());
        assertEquals(4, repository.calls.get());
    }

    private HttpRequest request(String requestId) {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1/clients/" + CLIENT + "/contracts"))
                .header("Authorization", Tokens.bearer(TOKEN))
                .header("X-Request-Id", requestId)
                .timeout(Duration.ofSeconds(30))
                .GET().build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private int receivedByContracts(String requestId) {
        return given().baseUri(contractsUrl).port(-1).queryParam("requestId", requestId)
                .when().get("/__received").then().extract().path("count");
    }
}

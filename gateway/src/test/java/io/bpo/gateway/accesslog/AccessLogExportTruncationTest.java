package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An export cut short after its 200 head must not look complete: the database session of a streaming export is
 * terminated while it is between two fetches of rows, and the consumer must see the body fail (the gateway resets the
 * connection: no last chunk), not a shorter file that ends cleanly; and a cut export never carries its trailer.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogExportTruncationTest {

    static final String AUDITOR = Tokens.of("truncation-erin", List.of("auditor", "platform-auditor"), List.of());
    /** Well over one fetch (500 rows) of large rows, so the export is still reading when its connection dies. */
    static final int ENTRIES = 4000;
    static final String BULK = "x".repeat(8 * 1024);

    @Inject
    AccessLogRepository repository;
    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/v1/audit/access-log/export")
    URL export;

    String client;

    @BeforeAll
    void manyLargeEntries() throws Exception {
        client = "truncation-" + UUID.randomUUID().toString().substring(0, 8);
        for (int batch = 0; batch < ENTRIES / 250; batch++) {
            List<AccessLogEntry> entries = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                entries.add(new AccessLogEntry(UUID.randomUUID(), Instant.now(), "bulk-" + batch + "-" + i,
                        "truncation-sub", "truncation-user", List.of("agent"), client, "contracts", "GET",
                        "/api/v1/clients/" + client + "/contracts", 200, AccessOutcome.ALLOWED, BULK, "127.0.0.1",
                        "truncation-test", 3));
            }
            repository.appendAll(entries);
        }
    }

    HttpResponse<InputStream> startExport(String format) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(export + "?clientId=" + client + "&format=" + format))
                .header("Authorization", "Bearer " + AUDITOR).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response;
    }

    /** Terminates the database session the export streams from, once it is between two fetches. */
    void terminateTheExportsSession() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement("""
                        SELECT pid FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                          AND usename = current_user AND state = 'idle in transaction'
                          AND query LIKE '%FROM access_log_all WHERE%ORDER BY occurred_at, id%'
                        """);
                PreparedStatement kill = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = find.executeQuery()) {
                    if (rows.next()) {
                        kill.setInt(1, rows.getInt(1));
                        try (ResultSet killed = kill.executeQuery()) {
                            killed.next();
                            assertTrue(killed.getBoolean(1));
                        }
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the export's database session was not found");
    }

    /** Reads to the end; what was read is kept in {@code into}. */
    static void drain(InputStream in, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            into.write(buffer, 0, n);
        }
    }

    void assertCutShortIsAnError(String format, String trailerStart) throws Exception {
        HttpResponse<InputStream> response = startExport(format);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = response.body()) {
            // the head and the first bytes are there: the export is under way, reading its first page
            received.write(in.readNBytes(1024));
            terminateTheExportsSession();
            // a body that neither ends nor fails would hang the consumer: that fails too
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class,
                    () -> drain(in, received),
                    "the body ended cleanly after " + received.size() + " bytes although the export failed"));
        }
        assertFalse(received.toString(StandardCharsets.UTF_8).contains(trailerStart),
                "a cut export carries no trailer");
    }

    /** Where the cut falls varies from run to run: a few runs. */
    @RepeatedTest(3)
    void anNdjsonExportCutMidStreamFailsInsteadOfEndingCleanly() throws Exception {
        assertCutShortIsAnError("ndjson", "{\"export\":\"complete\"");
    }

    @RepeatedTest(3)
    void aCsvExportCutMidStreamFailsInsteadOfEndingCleanly() throws Exception {
        assertCutShortIsAnError("csv", "#export-complete");
    }

    @Test
    void theSameExportUncutEndsWithItsTrailer() throws Exception {
        HttpResponse<InputStream> response = startExport("ndjson");
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = response.body()) {
            drain(in, received);
        }
        String[] lines = received.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(ENTRIES + 1, lines.length);
        assertTrue(lines[ENTRIES].startsWith("{\"export\":\"complete\",\"format\":\"ndjson\",\"entries\":" + ENTRIES
                + ","), lines[ENTRIES]);
    }
}

package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.OfflineVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Retention: entries past 13 months move to the archive with their hashes, the chains verify across both
 * tables, and neither table can be changed by the app role (nor by the owner outside the archiving function).
 */
@QuarkusTest
class AccessLogArchiveTest {

    static final String PERMISSION_DENIED = "42501";

    @Inject
    DataSource dataSource;
    @Inject
    AccessLogRepository repository;
    @Inject
    ArchiveService archive;
    @Inject
    CheckpointService checkpoints;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    static AccessLogEntry entryAt(String client, Instant at, String requestId) {
        return new AccessLogEntry(UUID.randomUUID(), at, requestId, "archive-sub", "archive-user", List.of("agent"),
                client, "contracts", "GET", "/api/v1/clients/" + client + "/contracts/k-1", 200,
                AccessOutcome.ALLOWED, null, "127.0.0.1", "archive-test", 1);
    }

    /** seq -> hash of the client's chain in one table. */
    Map<Long, String> hashes(String table, String client) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT chain_seq, hash FROM " + table + " WHERE client_id = ? ORDER BY chain_seq")) {
            select.setString(1, client);
            Map<Long, String> hashes = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getLong(1), rows.getString(2));
                }
            }
            return hashes;
        }
    }

    /** A fresh client with 3 entries 14 months old and 2 from now, in that chain order. */
    String clientWithOldAndNewEntries() throws SQLException {
        String client = "archive-" + UUID.randomUUID().toString().substring(0, 8);
        Instant old = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(14).toInstant();
        List<AccessLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(entryAt(client, old.plusSeconds(i), "old-" + i));
        }
        entries.add(entryAt(client, Instant.now(), "new-0"));
        entries.add(entryAt(client, Instant.now(), "new-1"));
        repository.appendAll(entries);
        return client;
    }

    @Test
    void oldEntriesMoveWithTheirHashesAndTheChainStillVerifies() throws Exception {
        String client = clientWithOldAndNewEntries();
        checkpoints.checkpoint();
        Map<Long, String> before = hashes("access_log", client);
        assertEquals(5, before.size());

        assertTrue(archive.archive(Instant.now()) >= 3);

        Map<Long, String> live = hashes("access_log", client);
        Map<Long, String> archived = hashes("access_log_archive", client);
        assertEquals(List.of(4L, 5L), List.copyOf(live.keySet()));
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(archived.keySet()));
        Map<Long, String> after = new LinkedHashMap<>(archived);
        after.putAll(live);
        assertEquals(before, after);

        JsonPath report = AccessLogChainTest.verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(5, report.getInt("chains[0].entries"));
        assertEquals(1, report.getInt("chains[0].checkpoints"));
        assertTrue(report.get("chains[0].checkpointFailure") == null, report.prettify());

        // the audit API reads both tables; exports say which rows are archived
        given().auth().oauth2(AccessLogChainTest.AUDITOR).queryParam("clientId", client).get("/api/v1/audit/access-log")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(5));
        String bundle = given().auth().oauth2(AccessLogChainTest.AUDITOR).queryParam("clientId", client)
                .get("/api/v1/audit/access-log/bundle").then().statusCode(200).extract().asString();
        long archivedLines = AccessLogExportTest.ndjson(bundle).stream()
                .filter(l -> Boolean.TRUE.equals(l.get("archived"))).count();
        assertEquals(3, archivedLines);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("archived-bundle", ".ndjson");
        file.toFile().deleteOnExit();
        java.nio.file.Files.writeString(file, bundle);
        OfflineVerifier.Result offline = OfflineVerifier.run(file.toString());
        assertEquals(0, offline.exitCode(), offline.output());

        // a second run finds nothing more to move
        assertEquals(0, hashes("access_log", client).keySet().stream().filter(s -> s <= 3).count());
        archive.archive(Instant.now());
        assertEquals(2, hashes("access_log", client).size());
    }

    @Test
    void tamperingInTheArchiveIsFound() throws Exception {
        String client = clientWithOldAndNewEntries();
        archive.archive(Instant.now());
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                statement.execute("ALTER TABLE access_log_archive DISABLE TRIGGER USER");
                statement.execute("UPDATE access_log_archive SET status = 404 WHERE client_id = '" + client
                        + "' AND chain_seq = 2");
                statement.execute("ALTER TABLE access_log_archive ENABLE TRIGGER USER");
                owner.commit();
            }
        }
        AccessLogChainTest.assertBroken(client, 5, 2, "hash mismatch");
    }

    @Test
    void theAppRoleCannotChangeEitherTable() throws Exception {
        String client = clientWithOldAndNewEntries();
        archive.archive(Instant.now());
        List<String> statements = List.of(
                "UPDATE access_log SET status = 500 WHERE client_id = ?",
                "DELETE FROM access_log WHERE client_id = ?",
                "UPDATE access_log_archive SET status = 500 WHERE client_id = ?",
                "DELETE FROM access_log_archive WHERE client_id = ?",
                "INSERT INTO access_log_archive SELECT *, now() FROM access_log WHERE client_id = ?");
        try (Connection app = dataSource.getConnection()) {
            for (String sql : statements) {
                try (PreparedStatement statement = app.prepareStatement(sql)) {
                    statement.setString(1, client);
                    SQLException refused = assertThrows(SQLException.class, statement::executeUpdate, sql);
                    assertEquals(PERMISSION_DENIED, refused.getSQLState(), sql + ": " + refused.getMessage());
                }
            }
            for (String table : List.of("access_log", "access_log_archive")) {
                try (Statement statement = app.createStatement()) {
                    SQLException refused = assertThrows(SQLException.class,
                            () -> statement.execute("TRUNCATE " + table));
                    assertEquals(PERMISSION_DENIED, refused.getSQLState());
                }
            }
            // the GUC the archiving function sets gives the app role nothing: it still lacks DELETE
            app.setAutoCommit(false);
            try (Statement statement = app.createStatement()) {
                statement.execute("SELECT set_config('bpo.access_log.archiving', 'on', true)");
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.executeUpdate("DELETE FROM access_log WHERE client_id = '" + client + "'"));
                assertEquals(PERMISSION_DENIED, refused.getSQLState());
            } finally {
                app.rollback();
                app.setAutoCommit(true);
            }
            // nor can it use the function to sweep recent entries out of the live table
            try (PreparedStatement call = app.prepareStatement("SELECT access_log_archive(now() - interval '1 day')")) {
                SQLException refused = assertThrows(SQLException.class, call::executeQuery);
                assertEquals("22023", refused.getSQLState(), refused.getMessage());
            }
        }
        assertEquals(2, hashes("access_log", client).size());
        assertEquals(3, hashes("access_log_archive", client).size());
    }

    @Test
    void theOwnerIsRefusedByTheTriggersOutsideTheArchivingFunction() throws Exception {
        String client = clientWithOldAndNewEntries();
        archive.archive(Instant.now());
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            for (String sql : List.of("DELETE FROM access_log WHERE client_id = ?",
                    "DELETE FROM access_log_archive WHERE client_id = ?",
                    "UPDATE access_log_archive SET reason = 'x' WHERE client_id = ?")) {
                try (PreparedStatement statement = owner.prepareStatement(sql)) {
                    statement.setString(1, client);
                    SQLException refused = assertThrows(SQLException.class, statement::executeUpdate, sql);
                    assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
                }
            }
        }
    }

    @Test
    void theCutoffIsThirteenMonthsByDefault() {
        Instant now = Instant.parse("2026-03-31T10:00:00Z");
        assertEquals(Instant.parse("2025-02-28T10:00:00Z"), archive.cutoff(now));
    }
}

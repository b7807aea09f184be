package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccessLogTableTest {

    static final String CLIENT = "acme-table";
    static final String TOKEN = Tokens.of("table-dave", List.of("agent", "client-viewer"), List.of(CLIENT));
    static final String PERMISSION_DENIED = "42501";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;
    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Test
    void entryHoldsEveryFieldOfTheRequest() {
        String requestId = "table-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId).header("User-Agent", "audit-test/1.0")
                .when().delete("/api/v1/clients/" + CLIENT + "/knowledge/articles/a-1?fake-delay-ms=150")
                .then().statusCode(200);
        Instant after = Instant.now().plusSeconds(1);

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertInstanceOf(UUID.class, entry.get("id"));
        Instant occurredAt = (Instant) entry.get("occurred_at");
        assertTrue(occurredAt.isAfter(before) && occurredAt.isBefore(after), occurredAt.toString());
        assertEquals(requestId, entry.get("request_id"));
        assertEquals("table-dave", entry.get("subject"));
        assertEquals("table-dave-name", entry.get("username"));
        assertEquals(List.of("agent", "client-viewer"), entry.get("roles"));
        assertEquals(CLIENT, entry.get("client_id"));
        assertEquals("knowledge", entry.get("service"));
        assertEquals("DELETE", entry.get("method"));
        assertEquals("/api/v1/clients/" + CLIENT + "/knowledge/articles/a-1", entry.get("path"));
        assertEquals(200, ((Number) entry.get("status")).intValue());
        assertEquals("ALLOWED", entry.get("outcome"));
        assertNull(entry.get("reason"));
        assertEquals("127.0.0.1", entry.get("source_address"));
        assertEquals("audit-test/1.0", entry.get("user_agent"));
        long duration = ((Number) entry.get("duration_ms")).longValue();
        assertTrue(duration >= 150 && duration < 5000, "duration " + duration);
    }

    @Test
    void entryIsCommittedBeforeTheResponseArrives() {
        for (int i = 0; i < 20; i++) {
            String requestId = "table-" + UUID.randomUUID();
            int expected = i % 2 == 0 ? 200 : 403;
            String client = expected == 200 ? CLIENT : "globex-table";
            given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                    .when().get("/api/v1/clients/" + client + "/contracts")
                    .then().statusCode(expected);
            // read at once, from another connection: the row must already be there, and only once
            AccessLogRows.single(dataSource, requestId);
        }
    }

    @Test
    void appRoleCannotUpdateTheLog() throws SQLException {
        String requestId = loggedRequest();
        try (Connection app = DriverManager.getConnection(jdbcUrl, appUser, appPassword);
                Statement statement = app.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE access_log SET outcome = 'ALLOWED' WHERE request_id = '" + requestId + "'"));
            assertEquals(PERMISSION_DENIED, refused.getSQLState());
        }
    }

    @Test
    void appRoleCannotDeleteFromTheLog() throws SQLException {
        String requestId = loggedRequest();
        try (Connection app = DriverManager.getConnection(jdbcUrl, appUser, appPassword);
                Statement statement = app.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("DELETE FROM access_log WHERE request_id = '" + requestId + "'"));
            assertEquals(PERMISSION_DENIED, refused.getSQLState());
            SQLException truncate = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("TRUNCATE access_log"));
            assertEquals(PERMISSION_DENIED, truncate.getSQLState());
        }
        assertEquals(1, AccessLogRows.byRequestId(dataSource, requestId).size());
    }

    @Test
    void evenTheOwnerCannotRewriteTheLog() throws SQLException {
        String requestId = loggedRequest();
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
                Statement statement = owner.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE access_log SET subject = 'someone-else' WHERE request_id = '" + requestId + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "DELETE FROM access_log WHERE request_id = '" + requestId + "'"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            SQLException truncate = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("TRUNCATE access_log"));
            assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
        }
        assertEquals("table-dave", AccessLogRows.single(dataSource, requestId).get("subject"));
    }

    @Test
    void appRoleMayOnlyReadAndInsert() throws SQLException {
        try (Connection app = DriverManager.getConnection(jdbcUrl, appUser, appPassword);
                Statement statement = app.createStatement();
                var privileges = statement.executeQuery("""
                        SELECT has_table_privilege(current_user, 'access_log', 'SELECT'),
                               has_table_privilege(current_user, 'access_log', 'INSERT'),
                               has_table_privilege(current_user, 'access_log', 'UPDATE'),
                               has_table_privilege(current_user, 'access_log', 'DELETE'),
                               has_table_privilege(current_user, 'access_log', 'TRUNCATE'),
                               (SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user)
                        """)) {
            privileges.next();
            assertEquals(List.of(true, true, false, false, false, false), List.of(privileges.getBoolean(1),
                    privileges.getBoolean(2), privileges.getBoolean(3), privileges.getBoolean(4),
                    privileges.getBoolean(5), privileges.getBoolean(6)));
        }
    }

    private String loggedRequest() {
        String requestId = "table-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(200);
        return requestId;
    }
}

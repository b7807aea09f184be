package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every field of the issue is in each entry and inside its hash; entries of the first encoding still verify. */
@QuarkusTest
class AccessLogFieldsTest {

    static final String LOG = "/api/v1/audit/access-log";
    static final String AUDITOR = Tokens.of("fields-erin", List.of("auditor", "platform-auditor"), List.of());

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    static String freshClient() {
        return "fields-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> onlyEntry(String client) {
        JsonPath page = given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(LOG).then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getList("items").size(), page.prettify());
        return page.getMap("items[0]");
    }

    @Test
    void anAllowedReadCarriesEveryField() {
        String client = freshClient();
        String contract = UUID.randomUUID().toString();
        String requestId = "fields-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(Tokens.of("fields-alice", List.of("client-manager", "agent"), List.of(client)))
                .header("X-Request-Id", requestId).header("User-Agent", "fields-test/1.0")
                .when().get("/api/v1/clients/" + client + "/contracts/" + contract)
                .then().statusCode(200);

        Map<String, Object> e = onlyEntry(client);
        assertEquals(requestId, e.get("requestId"));
        Instant occurredAt = Instant.parse((String) e.get("occurredAt"));
        assertTrue(!occurredAt.isBefore(before) && !occurredAt.isAfter(Instant.now()), "occurredAt " + occurredAt);
        assertEquals("fields-alice", e.get("subject"));
        assertEquals("fields-alice-name", e.get("username"));
        assertEquals(List.of("agent", "client-manager"), e.get("roles"));
        assertEquals(client, e.get("clientId"));
        assertEquals("contracts", e.get("service"));
        assertEquals("GET", e.get("method"));
        assertEquals("/api/v1/clients/" + client + "/contracts/" + contract, e.get("path"));
        assertEquals("/api/v1/clients/{clientId}/contracts/{contractId}", e.get("pathTemplate"));
        assertEquals(Map.of("clientId", client, "contractId", contract), e.get("resourceIds"));
        assertEquals(200, e.get("status"));
        assertEquals("ALLOWED", e.get("outcome"));
        assertEquals("127.0.0.1", e.get("sourceAddress"));
        assertEquals("fields-test/1.0", e.get("userAgent"));
        assertTrue(((Number) e.get("durationMs")).longValue() >= 0);
        assertNotNull(e.get("id"));
    }

    @Test
    void aDenialSaysWhy() {
        String client = freshClient();
        given().auth().oauth2(Tokens.of("fields-mallory", List.of("client-manager"), List.of("somewhere-else")))
                .when().get("/api/v1/clients/" + client + "/contracts/42")
                .then().statusCode(403);
        Map<String, Object> e = onlyEntry(client);
        assertEquals("DENIED_TENANT", e.get("outcome"));
        assertEquals(403, e.get("status"));
        assertEquals("client not among the token's tenants", e.get("reason"));
        assertEquals("/api/v1/clients/{clientId}/contracts/{contractId}", e.get("pathTemplate"));
        assertEquals(Map.of("clientId", client, "contractId", "42"), e.get("resourceIds"));
    }

    @Test
    void editingTheTemplateOrAnIdBreaksTheChainThere() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(4);
        assertEquals(true, AccessLogChainTest.verify(client).getBoolean("chains[0].valid"));
        tamper("UPDATE access_log SET path_template = '/api/v1/clients/{clientId}/contracts' "
                + "WHERE client_id = ? AND chain_seq = 2", client);
        AccessLogChainTest.assertBroken(client, 4, 2, "hash mismatch");

        String other = AccessLogChainTest.clientWithEntries(4);
        tamper("UPDATE access_log SET resource_ids = ARRAY[client_id, '999'] WHERE client_id = ? AND chain_seq = 3",
                other);
        AccessLogChainTest.assertBroken(other, 4, 3, "hash mismatch");
    }

    @Test
    void entriesOfTheFirstEncodingStillVerifyAndANewerOneFollowsThem() throws Exception {
        String client = freshClient();
        AccessLogEntry old = new AccessLogEntry(UUID.randomUUID(), Instant.now().minusSeconds(60), "v1-" + client,
                "fields-old", "fields-old-name", List.of("agent"), client, "contracts", "GET",
                "/api/v1/clients/" + client + "/contracts/7", 200, AccessOutcome.ALLOWED, null, "10.0.0.1", "ua", 2);
        String hash = ChainHash.hash(1, client, 1, ChainHash.GENESIS, old);
        // as the gateway wrote it before V4: no template, no ids, hash_version 1
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
                PreparedStatement insert = owner.prepareStatement("""
                        INSERT INTO access_log (id, occurred_at, request_id, subject, username, roles, client_id,
                                                service, method, path, status, outcome, source_address, user_agent,
                                                duration_ms, hash_version, chain_seq, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ARRAY['agent'], ?, 'contracts', 'GET', ?, 200, 'ALLOWED',
                                '10.0.0.1', 'ua', 2, 1, 1, ?, ?)""");
                PreparedStatement head = owner.prepareStatement(
                        "INSERT INTO access_log_chain_heads (chain_key, chain_seq, hash) VALUES (?, 1, ?)")) {
            insert.setObject(1, old.id());
            insert.setObject(2, OffsetDateTime.ofInstant(ChainHash.stored(old.occurredAt()), ZoneOffset.UTC));
            insert.setString(3, old.requestId());
            insert.setString(4, old.subject());
            insert.setString(5, old.username());
            insert.setString(6, client);
            insert.setString(7, old.path());
            insert.setString(8, ChainHash.GENESIS);
            insert.setString(9, hash);
            insert.executeUpdate();
            head.setString(1, client);
            head.setString(2, hash);
            head.executeUpdate();
        }
        String token = Tokens.of("fields-new", List.of("client-manager"), List.of(client));
        given().auth().oauth2(token).when().get("/api/v1/clients/" + client + "/contracts/8").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/clients/" + client + "/contracts/9").then().statusCode(200);

        JsonPath report = AccessLogChainTest.verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(3, report.getInt("chains[0].entries"));

        // a forger who rewrites the last entry in the older encoding (which leaves template and ids out of the
        // hash), with a correct hash for that encoding: refused as a downgrade
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            owner.setAutoCommit(false);
            AccessLogRepository.ChainedRow last;
            try (PreparedStatement select = owner.prepareStatement("SELECT " + AccessLogRepository.COLUMNS
                    + " FROM access_log WHERE client_id = ? AND chain_seq = 3")) {
                select.setString(1, client);
                try (var row = select.executeQuery()) {
                    row.next();
                    last = AccessLogRepository.ChainedRow.read(row);
                }
            }
            try (Statement statement = owner.createStatement();
                    PreparedStatement update = owner.prepareStatement("UPDATE access_log SET hash_version = 1, "
                            + "resource_ids = ARRAY[client_id, 'other'], hash = ? "
                            + "WHERE client_id = ? AND chain_seq = 3")) {
                statement.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
                update.setString(1, ChainHash.hash(1, client, 3, last.prevHash(), last.entry()));
                update.setString(2, client);
                assertEquals(1, update.executeUpdate());
                statement.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
                owner.commit();
            }
        }
        report = AccessLogChainTest.verify(client);
        assertEquals(false, report.getBoolean("chains[0].valid"));
        assertEquals(3, report.getInt("chains[0].firstBrokenSeq"));
        assertEquals("hash version downgrade", report.getString("chains[0].reason"));
    }

    void tamper(String sql, String client) throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement();
                    PreparedStatement update = owner.prepareStatement(sql)) {
                statement.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
                update.setString(1, client);
                assertEquals(1, update.executeUpdate());
                statement.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
                owner.commit();
            }
        }
    }
}

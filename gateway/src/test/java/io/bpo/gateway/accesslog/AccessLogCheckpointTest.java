package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Signed checkpoints: written per moved chain head, verifiable with the published key, checked by verify. */
@QuarkusTest
class AccessLogCheckpointTest {

    static final String BASE = "/api/v1/audit/access-log/";
    static final String AUDITOR = Tokens.of("checkpoint-erin", List.of("auditor", "platform-auditor"), List.of());
    static final String PERMISSION_DENIED = "42501";

    @Inject
    DataSource dataSource;
    @Inject
    CheckpointService checkpoints;
    @Inject
    CheckpointRepository repository;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    static List<Map<String, Object>> listed(String client) {
        return given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(BASE + "checkpoints")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath().getList("$");
    }

    static JsonPath verify(String client) {
        JsonPath report = given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(BASE + "verify")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(client, report.getString("chains[0].chain"), report.prettify());
        return report;
    }

    @Test
    void checkpointIsWrittenAndVerifiesWithThePublishedKeyUsingOnlyTheJdk() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(3);
        List<Checkpoint> written = checkpoints.checkpoint();
        assertTrue(written.stream().anyMatch(c -> c.chainKey().equals(client) && c.chainSeq() == 3), "" + written);
        // the head did not move: no second checkpoint for this chain
        assertTrue(checkpoints.checkpoint().stream().noneMatch(c -> c.chainKey().equals(client)));

        List<Map<String, Object>> rows = listed(client);
        assertEquals(1, rows.size(), "" + rows);
        Map<String, Object> row = rows.get(0);
        assertEquals(3, ((Number) row.get("chainSeq")).intValue());

        JsonPath key = given().auth().oauth2(AUDITOR).when().get(BASE + "public-key")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Ed25519", key.getString("algorithm"));
        assertEquals(key.getString("keyId"), row.get("keyId"));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.getString("publicKey"))));
        String message = "bpo-access-log-checkpoint-v1\n" + row.get("chainKey") + "\n" + row.get("chainSeq") + "\n"
                + row.get("hash") + "\n" + row.get("signedAt") + "\n";
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(publicKey);
        signature.update(message.getBytes(StandardCharsets.UTF_8));
        assertTrue(signature.verify(Base64.getDecoder().decode((String) row.get("signature"))));

        JsonPath report = verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(1, report.getInt("chains[0].checkpoints"), report.prettify());
        assertNull(report.get("chains[0].checkpointFailure"), report.prettify());
    }

    @Test
    void entryRewrittenBeforeACheckpointIsReportedAsCheckpointMismatch() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(3);
        checkpoints.checkpoint();
        UUID checkpointId = UUID.fromString((String) listed(client).get(0).get("id"));
        // rewrite entry 2 and recompute every stored hash after it: the chain itself verifies again,
        // only the signed checkpoint still knows the original hash
        tamper(owner -> {
            execute(owner, "UPDATE access_log SET status = 404 WHERE client_id = ? AND chain_seq = 2", client);
            List<AccessLogChainTest.Link> links = chainRows(owner, client);
            String prev = ChainHash.GENESIS;
            for (AccessLogChainTest.Link link : links) {
                String hash = recompute(owner, client, link.seq(), prev);
                execute(owner, "UPDATE access_log SET prev_hash = ?, hash = ? WHERE client_id = ? AND chain_seq = ?",
                        prev, hash, client, link.seq());
                prev = hash;
            }
            execute(owner, "UPDATE access_log_chain_heads SET hash = ? WHERE chain_key = ?", prev, client);
        });

        JsonPath report = verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(1, report.getInt("chains[0].checkpoints"), report.prettify());
        assertEquals(3, report.getInt("chains[0].checkpointFailure.chainSeq"), report.prettify());
        assertEquals("hash mismatch", report.getString("chains[0].checkpointFailure.reason"), report.prettify());
        assertEquals(checkpointId.toString(), report.getString("chains[0].checkpointFailure.checkpointId"));
    }

    @Test
    void entryDeletedAtACheckpointIsReportedMissing() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(2);
        checkpoints.checkpoint();
        tamper(owner -> execute(owner, "DELETE FROM access_log WHERE client_id = ? AND chain_seq = 2", client));

        JsonPath report = verify(client);
        assertFalse(report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(2, report.getInt("chains[0].checkpointFailure.chainSeq"), report.prettify());
        assertEquals("entry missing", report.getString("chains[0].checkpointFailure.reason"), report.prettify());
    }

    @Test
    void forgedCheckpointIsReported() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(2);
        checkpoints.checkpoint();
        Map<String, Object> genuine = listed(client).get(0);
        // a row the app role may insert, naming the right hash, but not signed by the gateway's key
        try (Connection app = dataSource.getConnection()) {
            execute(app, """
                    INSERT INTO access_log_checkpoints (id, chain_key, chain_seq, hash, signed_at, key_id, signature)
                    VALUES (?, ?, 1, (SELECT hash FROM access_log WHERE client_id = ? AND chain_seq = 1), now(), ?, ?)
                    """, UUID.randomUUID(), client, client, genuine.get("keyId"),
                    Base64.getEncoder().encodeToString(new byte[64]));
        }
        JsonPath report = verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(2, report.getInt("chains[0].checkpoints"), report.prettify());
        assertEquals(1, report.getInt("chains[0].checkpointFailure.chainSeq"), report.prettify());
        assertEquals("signature invalid", report.getString("chains[0].checkpointFailure.reason"),
                report.prettify());
    }

    @Test
    void checkpointOfAKeyTheGatewayNoLongerKnowsIsReportedApartFromTampering() throws Exception {
        String client = AccessLogChainTest.clientWithEntries(2);
        // what a dev gateway leaves behind when it restarts: a checkpoint of its earlier ephemeral key
        CheckpointSigner before = new CheckpointSigner(CheckpointSignerTest.config(null, null));
        CheckpointRepository.Head head = repository.movedHeads().stream().filter(h -> h.chainKey().equals(client))
                .findFirst().orElseThrow();
        Checkpoint old = before.sign(client, head.chainSeq(), head.hash(), java.time.Instant.now());
        repository.insertAll(List.of(old));
        // the restarted gateway goes on: one more entry, checkpointed with its current key
        given().auth().oauth2(Tokens.of("chain-member", List.of("client-manager"), List.of(client)))
                .when().get("/api/v1/clients/" + client + "/contracts/3").then().statusCode(200);
        checkpoints.checkpoint();

        JsonPath report = verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(1, report.getInt("chains[0].checkpoints"), report.prettify());
        assertNull(report.get("chains[0].checkpointFailure"), report.prettify());
        assertEquals(1, report.getInt("chains[0].unknownKeyCheckpoints"), report.prettify());
        assertEquals(old.id().toString(), report.getString("chains[0].unknownKeyCheckpoint.checkpointId"));
        assertEquals(2, report.getInt("chains[0].unknownKeyCheckpoint.chainSeq"));
        assertEquals("unknown key", report.getString("chains[0].unknownKeyCheckpoint.reason"));
        assertEquals(old.keyId(), report.getString("chains[0].unknownKeyCheckpoint.keyId"));
    }

    @Test
    void newEndpointsAreForAuditorsOnly() {
        String agent = Tokens.of("checkpoint-agent", List.of("agent"), List.of("acme"));
        for (String path : List.of("checkpoints", "public-key")) {
            given().auth().oauth2(AUDITOR).when().get(BASE + path).then().statusCode(200);
            given().auth().oauth2(agent).when().get(BASE + path).then().statusCode(403);
            given().when().get(BASE + path).then().statusCode(401);
        }
        given().auth().oauth2(AUDITOR).queryParam("clientId", "Not_A_Client")
                .when().get(BASE + "checkpoints").then().statusCode(400);
    }

    @Test
    void appRoleCannotUpdateOrDeleteCheckpoints() throws Exception {
        AccessLogChainTest.clientWithEntries(1);
        checkpoints.checkpoint();
        try (Connection app = dataSource.getConnection(); Statement statement = app.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE access_log_checkpoints SET hash = hash"));
            assertEquals(PERMISSION_DENIED, update.getSQLState());
            SQLException delete = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("DELETE FROM access_log_checkpoints"));
            assertEquals(PERMISSION_DENIED, delete.getSQLState());
        }
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
                Statement statement = owner.createStatement()) {
            SQLException delete = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("DELETE FROM access_log_checkpoints"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }

    private static List<AccessLogChainTest.Link> chainRows(Connection owner, String client) throws SQLException {
        try (PreparedStatement select = owner.prepareStatement(
                "SELECT chain_seq, prev_hash, hash, request_id FROM access_log WHERE client_id = ? ORDER BY chain_seq")) {
            select.setString(1, client);
            List<AccessLogChainTest.Link> links = new java.util.ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new AccessLogChainTest.Link(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4)));
                }
            }
            return links;
        }
    }

    /** The hash of the stored entry at chain_seq, as the gateway would compute it, after prev. */
    private static String recompute(Connection owner, String client, long seq, String prev) throws SQLException {
        try (PreparedStatement select = owner.prepareStatement("SELECT " + AccessLogRepository.COLUMNS
                + " FROM access_log WHERE client_id = ? AND chain_seq = ?")) {
            select.setString(1, client);
            select.setLong(2, seq);
            try (var row = select.executeQuery()) {
                row.next();
                AccessLogRepository.ChainedRow stored = AccessLogRepository.ChainedRow.read(row);
                return ChainHash.hash(stored.hashVersion(), client, seq, prev, stored.entry());
            }
        }
    }

    void tamper(AccessLogChainTest.TamperStep step) throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                statement.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
                step.run(owner);
                statement.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
                owner.commit();
            } catch (SQLException | RuntimeException e) {
                owner.rollback();
                throw e;
            }
        }
    }

    static void execute(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }
}

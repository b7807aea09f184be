package io.bpo.gateway.accesslog;

import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The per-client hash chain: built by the writer, checked by verify, broken by each kind of tampering. */
@QuarkusTest
class AccessLogChainTest {

    static final String VERIFY = "/api/v1/audit/access-log/verify";
    static final String AUDITOR = Tokens.of("chain-erin", List.of("auditor", "platform-auditor"), List.of());

    @Inject
    DataSource dataSource;
    @Inject
    AccessLogRepository repository;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    record Link(long seq, String prevHash, String hash, String requestId) {
    }

    static String freshClient() {
        return "chain-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static AccessLogEntry entry(String client, String requestId) {
        return new AccessLogEntry(UUID.randomUUID(), Instant.now(), requestId, "chain-sub", "chain-user",
                List.of("agent"), client, "contracts", "GET", "/api/v1/clients/" + client + "/contracts", 200,
                AccessOutcome.ALLOWED, null, "127.0.0.1", "chain-test", 3);
    }

    /** n requests for a fresh client through the gateway; returns the client id. */
    static String clientWithEntries(int n) {
        String client = freshClient();
        String token = Tokens.of("chain-member", List.of("client-manager"), List.of(client));
        for (int i = 1; i <= n; i++) {
            given().auth().oauth2(token).when().get("/api/v1/clients/" + client + "/contracts/" + i)
                    .then().statusCode(200);
        }
        return client;
    }

    List<Link> chain(String client) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT chain_seq, prev_hash, hash, request_id FROM access_log
                        WHERE client_id = ? ORDER BY chain_seq""")) {
            select.setString(1, client);
            List<Link> links = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return links;
        }
    }

    static void assertLinked(List<Link> links) {
        String prev = ChainHash.GENESIS;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            assertEquals(i + 1, link.seq(), "chain_seq of " + link);
            assertEquals(prev, link.prevHash(), "prev_hash of " + link);
            assertTrue(link.hash().matches("[0-9a-f]{64}"), link.hash());
            prev = link.hash();
        }
    }

    static JsonPath verify(String client) {
        return given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(VERIFY)
                .then().statusCode(200).contentType("application/json")
                .body("chains", hasSize(1))
                .body("chains[0].chain", equalTo(client))
                .extract().jsonPath();
    }

    static void assertBroken(String client, long entries, int seq, String reason) {
        JsonPath report = verify(client);
        assertEquals(false, report.getBoolean("chains[0].valid"), report.prettify());
        assertEquals(entries, report.getLong("chains[0].entries"), report.prettify());
        assertEquals(seq, report.getInt("chains[0].firstBrokenSeq"), report.prettify());
        assertEquals(reason, report.getString("chains[0].reason"), report.prettify());
    }

    /** Runs the statements as the owner with the append-only triggers off, in one transaction. */
    void tamper(TamperStep step) throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                // inside the transaction: a failure rolls the ALTER back too, and no other session ever sees the
                // triggers off
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

    @FunctionalInterface
    interface TamperStep {
        void run(Connection owner) throws SQLException;
    }

    static void execute(Connection owner, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    @Test
    void chainsBuildPerClientAcrossBatchesInQueueOrder() throws Exception {
        String a = freshClient();
        String b = freshClient();
        List<String> expectedA = new ArrayList<>();
        List<String> expectedB = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<AccessLogEntry> entries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String client = i % 2 == 0 ? a : b;
                String requestId = "chain-" + UUID.randomUUID();
                (client.equals(a) ? expectedA : expectedB).add(requestId);
                entries.add(entry(client, requestId));
            }
            entries.add(entry(null, "chain-none-" + UUID.randomUUID()));
            repository.appendAll(entries);
        }

        List<Link> chainA = chain(a);
        List<Link> chainB = chain(b);
        assertLinked(chainA);
        assertLinked(chainB);
        assertEquals(expectedA, chainA.stream().map(Link::requestId).toList());
        assertEquals(expectedB, chainB.stream().map(Link::requestId).toList());

        JsonPath report = verify(a);
        assertEquals(true, report.getBoolean("chains[0].valid"));
        assertEquals(6, report.getInt("chains[0].entries"));
        assertNull(report.get("chains[0].firstBrokenSeq"));
        assertNull(report.get("chains[0].reason"));
        assertEquals(0, report.getInt("unchained"));
        assertEquals(true, verify("-").getBoolean("chains[0].valid"));
    }

    @Test
    void twoWritersOnOneChainNeverForkIt() throws Exception {
        // another gateway replica: its own writer, the same database
        AccessLogRepository replica = new AccessLogRepository(dataSource);
        String client = freshClient();
        List<String> expected = new ArrayList<>();
        AccessLogRepository[] turns = {repository, repository, replica, repository, repository, replica, replica,
            repository};
        long fastBefore = repository.fastAppends();
        long movedBefore = repository.headsMovedElsewhere();
        for (AccessLogRepository writer : turns) {
            List<AccessLogEntry> entries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String requestId = "chain-" + UUID.randomUUID();
                expected.add(requestId);
                entries.add(entry(client, requestId));
            }
            writer.appendAll(entries);
        }

        List<Link> links = chain(client);
        assertEquals(expected, links.stream().map(Link::requestId).toList());
        assertLinked(links);
        assertEquals(true, verify(client).getBoolean("chains[0].valid"));
        assertTrue(repository.fastAppends() - fastBefore >= 2, "the writer's own consecutive batches take the "
                + "one-statement path");
        assertTrue(repository.headsMovedElsewhere() - movedBefore >= 1, "a head moved by the replica is "
                + "detected, and the batch goes through the locking path");
    }

    @Test
    void theOneStatementPathStoresArraysExactly() throws Exception {
        String client = freshClient();
        repository.appendAll(List.of(entry(client, "chain-" + UUID.randomUUID())));
        List<String> roles = List.of("a\"b", "back\\slash", "comma,brace{}", "NULL", "");
        AccessLogEntry odd = new AccessLogEntry(UUID.randomUUID(), Instant.now(), "chain-" + UUID.randomUUID(),
                "chain-sub", "chain-user", roles, client, "contracts", "GET", "/api/v1/clients/" + client
                + "/contracts", 200, AccessOutcome.ALLOWED, null, "127.0.0.1", "chain-test", 3);
        long fastBefore = repository.fastAppends();
        repository.appendAll(List.of(odd));
        assertEquals(fastBefore + 1, repository.fastAppends());

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT roles FROM access_log WHERE request_id = ?")) {
            select.setString(1, odd.requestId());
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(roles, Arrays.asList((String[]) rows.getArray(1).getArray()));
            }
        }
        assertEquals(true, verify(client).getBoolean("chains[0].valid"));
    }

    @Test
    void concurrentRequestsKeepOneUnbrokenChain() throws Exception {
        String client = freshClient();
        String token = Tokens.of("chain-crowd", List.of("client-manager"), List.of(client));
        IntStream.range(0, 40).parallel().forEach(i -> given().auth().oauth2(token)
                .when().get("/api/v1/clients/" + client + "/contracts/" + i).then().statusCode(200));

        List<Link> links = chain(client);
        assertEquals(40, links.size());
        assertLinked(links);
        JsonPath report = verify(client);
        assertEquals(true, report.getBoolean("chains[0].valid"));
        assertEquals(40, report.getInt("chains[0].entries"));
    }

    @Test
    void verifyOfAllChainsListsEachChainOnce() {
        String client = clientWithEntries(2);
        JsonPath report = given().auth().oauth2(AUDITOR).when().get(VERIFY)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = report.<Map<String, Object>>getList("chains").stream()
                .filter(c -> client.equals(c.get("chain"))).toList();
        assertEquals(1, mine.size());
        assertEquals(true, mine.get(0).get("valid"));
        assertEquals(2, ((Number) mine.get(0).get("entries")).intValue());
        List<String> keys = report.getList("chains.chain");
        assertEquals(keys.stream().sorted().distinct().toList(), keys);
        assertTrue(report.getLong("unchained") >= 0);
    }

    @Test
    void anEditedFieldBreaksTheChainAtThatEntry() throws Exception {
        String client = clientWithEntries(5);
        assertEquals(true, verify(client).getBoolean("chains[0].valid"));
        tamper(owner -> execute(owner,
                "UPDATE access_log SET subject = 'mallory' WHERE client_id = ? AND chain_seq = 3", client));
        assertBroken(client, 5, 3, "hash mismatch");
    }

    @Test
    void aDeletedEntryIsASequenceGap() throws Exception {
        String client = clientWithEntries(5);
        tamper(owner -> execute(owner, "DELETE FROM access_log WHERE client_id = ? AND chain_seq = 3", client));
        assertBroken(client, 4, 3, "sequence gap");
    }

    @Test
    void aDeletedLastEntryIsFoundFromTheChainHead() throws Exception {
        String client = clientWithEntries(5);
        tamper(owner -> execute(owner, "DELETE FROM access_log WHERE client_id = ? AND chain_seq = 5", client));
        assertBroken(client, 4, 5, "sequence gap");
    }

    @Test
    void anInsertedEntryBreaksTheChain() throws Exception {
        String client = clientWithEntries(5);
        // a forger who knows the encoding: entries 3..5 move to 4..6, a new entry 3 is linked to entry 2 with a
        // correct hash of its own; the original entry 3 (now 4) no longer links to it
        tamper(owner -> {
            // in two steps: the unique index on (chain, chain_seq) is checked row by row
            execute(owner, "UPDATE access_log SET chain_seq = chain_seq + 1000001"
                    + " WHERE client_id = ? AND chain_seq >= 3", client);
            execute(owner, "UPDATE access_log SET chain_seq = chain_seq - 1000000"
                    + " WHERE client_id = ? AND chain_seq > 1000000", client);
            String hash2;
            try (PreparedStatement select = owner.prepareStatement(
                    "SELECT hash FROM access_log WHERE client_id = ? AND chain_seq = 2")) {
                select.setString(1, client);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    hash2 = row.getString(1);
                }
            }
            AccessLogEntry forged = entry(client, "forged-" + UUID.randomUUID());
            execute(owner, """
                    INSERT INTO access_log (id, occurred_at, request_id, subject, username, roles, client_id, service,
                                            method, path, status, outcome, reason, source_address, user_agent,
                                            duration_ms, path_template, resource_ids, hash_version, chain_seq,
                                            prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ARRAY['agent'], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ARRAY[?], 2, 3, ?, ?)
                    """, forged.id(), OffsetDateTime.ofInstant(ChainHash.stored(forged.occurredAt()), ZoneOffset.UTC),
                    forged.requestId(), forged.subject(), forged.username(), client, forged.service(),
                    forged.method(), forged.path(), forged.status(), forged.outcome().name(), forged.reason(),
                    forged.sourceAddress(), forged.userAgent(), forged.durationMs(), forged.pathTemplate(), client,
                    hash2, ChainHash.hash(2, client, 3, hash2, forged));
        });
        assertBroken(client, 6, 4, "prev_hash mismatch");
    }

    @Test
    void anInsertedEntryWithoutAValidHashIsAHashMismatch() throws Exception {
        String client = clientWithEntries(3);
        tamper(owner -> {
            AccessLogEntry forged = entry(client, "forged-" + UUID.randomUUID());
            execute(owner, """
                    INSERT INTO access_log (id, occurred_at, request_id, roles, client_id, method, path, status,
                                            outcome, duration_ms, chain_seq, prev_hash, hash)
                    SELECT ?, now(), ?, '{}', ?, 'GET', ?, 200, 'ALLOWED', 1, 4, hash, repeat('ab', 32)
                    FROM access_log WHERE client_id = ? AND chain_seq = 3
                    """, forged.id(), forged.requestId(), client, forged.path(), client);
        });
        assertBroken(client, 4, 4, "hash mismatch");
    }

    @Test
    void twoSwappedEntriesBreakTheChainAtTheFirstOfThem() throws Exception {
        String client = clientWithEntries(5);
        tamper(owner -> {
            String move = "UPDATE access_log SET chain_seq = ? WHERE client_id = ? AND chain_seq = ?";
            execute(owner, move, 1000000, client, 3);
            execute(owner, move, 3, client, 4);
            execute(owner, move, 4, client, 1000000);
        });
        assertBroken(client, 5, 3, "prev_hash mismatch");
    }

    @Test
    void onlyAuditorsMayVerifyAndTheReadIsLogged() {
        String requestId = "chain-verify-" + UUID.randomUUID();
        given().auth().oauth2(AUDITOR).header("X-Request-Id", requestId).queryParam("clientId", "-")
                .when().get(VERIFY)
                .then().statusCode(200)
                .body("chains[0].chain", equalTo("-"));
        Map<String, Object> logged = AccessLogRows.single(dataSource, requestId);
        assertEquals("/api/v1/audit/access-log/verify", logged.get("path"));
        assertEquals("ALLOWED", logged.get("outcome"));
        assertTrue(String.valueOf(logged.get("reason")).contains("access-log verify"), logged.toString());

        String denied = "chain-verify-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("chain-frank", List.of("provider-admin", "account-manager"), List.of()))
                .header("X-Request-Id", denied)
                .when().get(VERIFY)
                .then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals("DENIED_ROLE", AccessLogRows.single(dataSource, denied).get("outcome"));

        given().when().get(VERIFY)
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));

        given().auth().oauth2(AUDITOR).queryParam("clientId", "Not A Client")
                .when().get(VERIFY)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("clientId"));

        given().auth().oauth2(AUDITOR).when().post(VERIFY)
                .then().statusCode(405)
                .body("status", equalTo(405));
    }

    @Test
    void rowsWithoutAChainAreCountedAsUnchainedNotVerified() throws Exception {
        String client = freshClient();
        // as a row written before the chain existed (V1): the owner may insert, chain columns left NULL
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            execute(owner, """
                    INSERT INTO access_log (id, occurred_at, request_id, roles, client_id, method, path, status,
                                            outcome, duration_ms)
                    VALUES (?, now(), ?, '{}', ?, 'GET', '/api/v1/clients', 200, 'ALLOWED', 1)
                    """, UUID.randomUUID(), "pre-chain-" + UUID.randomUUID(), client);
        }
        JsonPath report = given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(VERIFY)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), report.getList("chains"));
        assertEquals(1, report.getInt("unchained"));
    }

    @Test
    void appRoleMayMoveChainHeadsButStillNotRewriteTheLog() throws SQLException {
        try (Connection app = dataSource.getConnection();
                Statement statement = app.createStatement();
                ResultSet privileges = statement.executeQuery("""
                        SELECT has_table_privilege(current_user, 'access_log_chain_heads', 'SELECT'),
                               has_table_privilege(current_user, 'access_log_chain_heads', 'INSERT'),
                               has_table_privilege(current_user, 'access_log_chain_heads', 'UPDATE'),
                               has_table_privilege(current_user, 'access_log_chain_heads', 'DELETE'),
                               has_table_privilege(current_user, 'access_log_chain_heads', 'TRUNCATE'),
                               has_table_privilege(current_user, 'access_log', 'UPDATE'),
                               has_table_privilege(current_user, 'access_log', 'DELETE')
                        """)) {
            privileges.next();
            List<Boolean> actual = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                actual.add(privileges.getBoolean(i));
            }
            assertEquals(List.of(true, true, true, false, false, false, false), actual);
        }
    }
}

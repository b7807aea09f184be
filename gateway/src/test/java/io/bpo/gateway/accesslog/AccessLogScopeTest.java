package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An auditor whose token carries tenants sees only those clients' entries, chains and checkpoints; naming another
 * client is 403 (and logged as DENIED_TENANT); an auditor without tenants sees everything.
 */
@QuarkusTest
class AccessLogScopeTest {

    static final String LOG = "/api/v1/audit/access-log";
    static final String GLOBAL = Tokens.of("scope-global", List.of("auditor", "platform-auditor"), List.of());

    @Inject
    CheckpointService checkpoints;

    record Clients(String mine, String other, String scoped) {
    }

    /** Entries for two fresh clients and an auditor scoped to the first. */
    static Clients clients() {
        String mine = AccessLogChainTest.clientWithEntries(2);
        String other = AccessLogChainTest.clientWithEntries(2);
        return new Clients(mine, other, Tokens.of("scope-" + mine, List.of("auditor"), List.of(mine)));
    }

    static Set<String> clientIds(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("clientId")).collect(Collectors.toSet());
    }

    @Test
    void aScopedAuditorListsOnlyItsClients() {
        Clients c = clients();
        List<Map<String, Object>> items = given().auth().oauth2(c.scoped()).queryParam("limit", "500")
                .get(LOG).then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(Set.of(c.mine()), clientIds(items));
        given().auth().oauth2(c.scoped()).queryParam("clientId", c.mine()).get(LOG)
                .then().statusCode(200).body("items.size()", equalTo(2));

        List<Map<String, Object>> all = given().auth().oauth2(GLOBAL).queryParam("limit", "500").get(LOG)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(clientIds(all).size() > 1, "a global auditor sees every client");
        given().auth().oauth2(GLOBAL).queryParam("clientId", c.other()).get(LOG)
                .then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void anAuditorWithoutTenantsNorThePlatformRoleIsRefusedEverywhereAndLogged() {
        String unscoped = Tokens.of("scope-unscoped", List.of("auditor"), List.of());
        for (String path : List.of("", "/export", "/bundle", "/verify", "/checkpoints", "/cross-tenant-denials")) {
            String requestId = "scope-" + UUID.randomUUID();
            given().auth().oauth2(unscoped).header("X-Request-Id", requestId).get(LOG + path)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://bpo.example/problems/role-forbidden"))
                    .body("detail", org.hamcrest.Matchers.containsString("platform-auditor"));
            List<Map<String, Object>> logged = given().auth().oauth2(GLOBAL).queryParam("subject", "scope-unscoped")
                    .queryParam("outcome", "DENIED_ROLE").queryParam("limit", "500").get(LOG)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertTrue(logged.stream().anyMatch(e -> requestId.equals(e.get("requestId"))),
                    "no DENIED_ROLE entry for " + path);
        }
    }

    @Test
    void anotherClientIsForbiddenOnEveryReadAndTheRefusalIsLogged() {
        Clients c = clients();
        for (String path : List.of("", "/export", "/bundle", "/verify", "/checkpoints")) {
            String requestId = "scope-" + UUID.randomUUID();
            given().auth().oauth2(c.scoped()).header("X-Request-Id", requestId).queryParam("clientId", c.other())
                    .get(LOG + path)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://bpo.example/problems/tenant-forbidden"));
            List<Map<String, Object>> logged = given().auth().oauth2(GLOBAL)
                    .queryParam("subject", "scope-" + c.mine()).queryParam("outcome", "DENIED_TENANT")
                    .queryParam("limit", "500").get(LOG).then().statusCode(200).extract().jsonPath().getList("items");
            Map<String, Object> entry = logged.stream().filter(e -> requestId.equals(e.get("requestId")))
                    .findFirst().orElseThrow(() -> new AssertionError("no DENIED_TENANT entry for " + path));
            assertEquals(403, entry.get("status"));
            assertEquals("client " + c.other() + " outside the auditor's scope", entry.get("reason"));
        }
        // the no-client chain is not a client of the scoped auditor either
        given().auth().oauth2(c.scoped()).queryParam("clientId", "-").get(LOG + "/verify").then().statusCode(403);
    }

    @Test
    void verifyCheckpointsAndBundleCoverOnlyTheScope() throws Exception {
        Clients c = clients();
        checkpoints.checkpoint();
        List<String> chains = given().auth().oauth2(c.scoped()).get(LOG + "/verify")
                .then().statusCode(200).extract().jsonPath().getList("chains.chain");
        assertEquals(List.of(c.mine()), chains);
        List<String> checkpointChains = given().auth().oauth2(c.scoped()).get(LOG + "/checkpoints")
                .then().statusCode(200).extract().jsonPath().getList("chainKey");
        assertEquals(Set.of(c.mine()), Set.copyOf(checkpointChains));

        String bundle = given().auth().oauth2(c.scoped()).get(LOG + "/bundle").then().statusCode(200)
                .extract().asString();
        List<Map<String, Object>> lines = AccessLogExportTest.ndjson(bundle);
        Set<Object> bundled = lines.stream().filter(l -> "entry".equals(l.get("kind")))
                .map(l -> l.get("chain")).collect(Collectors.toSet());
        assertEquals(Set.of(c.mine()), bundled);
        assertFalse(bundle.contains(c.other()));

        List<Map<String, Object>> exported = AccessLogExportTest.ndjson(given().auth().oauth2(c.scoped())
                .get(LOG + "/export").then().statusCode(200).extract().asString());
        assertEquals(Set.of(c.mine()), clientIds(exported));
    }
}

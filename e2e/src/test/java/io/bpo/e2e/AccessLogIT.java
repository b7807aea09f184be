package io.bpo.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The gateway's confidentiality log records allowed and denied requests, and only auditors read it. */
class AccessLogIT extends PlatformClient {

    private static Map<String, Object> entry(String requestId, Instant since) {
        JsonPath page = as(ERIN).queryParam("from", since.toString()).queryParam("limit", 500)
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> matching = page.getList("items.findAll { it.requestId == '" + requestId + "' }");
        org.junit.jupiter.api.Assertions.assertEquals(1, matching.size(), "one entry for request " + requestId);
        return matching.get(0);
    }

    @Test
    void allowedRequestIsLoggedWithWhoWhatAndOutcome() {
        Instant since = Instant.now().minusSeconds(5);
        String requestId = "e2e-allowed-" + UUID.randomUUID();
        as(ALICE).header("X-Request-Id", requestId).get("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(200).header("X-Request-Id", requestId);
        Map<String, Object> entry = entry(requestId, since);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertEquals("alice", entry.get("username")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(ACME, entry.get("clientId")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("GET", entry.get("method")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(200, entry.get("status")),
                () -> org.junit.jupiter.api.Assertions.assertEquals("ALLOWED", entry.get("outcome")),
                () -> org.junit.jupiter.api.Assertions.assertTrue(((List<?>) entry.get("roles")).contains("client-manager")),
                () -> org.junit.jupiter.api.Assertions.assertNotNull(entry.get("subject")),
                () -> org.junit.jupiter.api.Assertions.assertNotNull(entry.get("sourceAddress")));
    }

    @Test
    void crossTenantAttemptIsLoggedAsDenied() {
        Instant since = Instant.now().minusSeconds(5);
        String requestId = "e2e-denied-" + UUID.randomUUID();
        as(ALICE).header("X-Request-Id", requestId).get("/api/v1/clients/" + GLOBEX + "/contracts")
                .then().statusCode(403).body("requestId", equalTo(requestId));
        Map<String, Object> entry = entry(requestId, since);
        org.junit.jupiter.api.Assertions.assertEquals("DENIED_TENANT", entry.get("outcome"));
        org.junit.jupiter.api.Assertions.assertEquals(GLOBEX, entry.get("clientId"));
    }

    @Test
    void anonymousAttemptIsLoggedAsUnauthenticated() {
        Instant since = Instant.now().minusSeconds(5);
        String requestId = "e2e-anon-" + UUID.randomUUID();
        anonymous().header("X-Request-Id", requestId).get("/api/v1/clients/" + ACME + "/knowledge/articles")
                .then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals("DENIED_UNAUTHENTICATED", entry(requestId, since).get("outcome"));
    }

    @Test
    void providerAdminCrossingTenantsIsLoggedAsSuch() {
        Instant since = Instant.now().minusSeconds(5);
        String requestId = "e2e-cross-" + UUID.randomUUID();
        as(FRANK).header("X-Request-Id", requestId).get("/api/v1/clients/" + ACME).then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("ALLOWED_CROSS_TENANT", entry(requestId, since).get("outcome"));
    }

    @Test
    void onlyAuditorsReadTheLogAndFiltersApply() {
        as(ALICE).get("/api/v1/audit/access-log").then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        as(FRANK).get("/api/v1/audit/access-log").then().statusCode(403);
        anonymous().get("/api/v1/audit/access-log").then().statusCode(401);
        as(ERIN).queryParam("clientId", GLOBEX).queryParam("limit", 50).get("/api/v1/audit/access-log")
                .then().statusCode(200).body("items.clientId.unique()", org.hamcrest.Matchers.anyOf(
                        hasSize(0), equalTo(List.of(GLOBEX))));
        as(ERIN).queryParam("limit", 0).get("/api/v1/audit/access-log")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(ERIN).queryParam("limit", 1).get("/api/v1/audit/access-log")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
    }

    @Test
    void readingTheLogIsItselfLogged() {
        Instant since = Instant.now().minusSeconds(5);
        String requestId = "e2e-audit-read-" + UUID.randomUUID();
        as(ERIN).header("X-Request-Id", requestId).queryParam("limit", 1).get("/api/v1/audit/access-log")
                .then().statusCode(200);
        as(ERIN).queryParam("from", since.toString()).queryParam("limit", 500).get("/api/v1/audit/access-log")
                .then().statusCode(200).body("items.requestId", hasItem(requestId));
    }
}

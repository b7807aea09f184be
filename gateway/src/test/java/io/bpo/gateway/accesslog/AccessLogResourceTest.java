package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AccessLogResourceTest {

    static final String LOG = "/api/v1/audit/access-log";
    static final String AUDITOR = Tokens.of("audit-erin", List.of("auditor", "platform-auditor"), List.of());
    static final String NOT_AN_AUDITOR = Tokens.of("audit-frank", List.of("provider-admin", "account-manager"),
            List.of());

    @Inject
    DataSource dataSource;

    /** A client id no other test uses, so each test sees only its own entries. */
    static String freshClient() {
        return "audit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String member(String subject, String client) {
        return Tokens.of(subject, List.of("client-manager"), List.of(client));
    }

    static void call(String token, String client, String suffix) {
        given().auth().oauth2(token).when().get("/api/v1/clients/" + client + "/contracts" + suffix);
    }

    @Test
    void auditorReadsEntriesNewestFirstInCamelCase() {
        String client = freshClient();
        String token = member("audit-alice", client);
        call(token, client, "/first");
        call(token, client, "/second");
        call(token, client, "/third");

        JsonPath page = given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(LOG)
                .then().statusCode(200)
                .contentType("application/json")
                .body("items", hasSize(3))
                .body("nextCursor", nullValue())
                .extract().jsonPath();

        assertEquals(List.of("/api/v1/clients/" + client + "/contracts/third",
                "/api/v1/clients/" + client + "/contracts/second",
                "/api/v1/clients/" + client + "/contracts/first"), page.getList("items.path"));
        Map<String, Object> newest = page.getMap("items[0]");
        assertNotNull(newest.get("id"));
        assertTrue(Instant.parse((String) newest.get("occurredAt")).isBefore(Instant.now().plusSeconds(1)));
        assertNotNull(newest.get("requestId"));
        assertEquals("audit-alice", newest.get("subject"));
        assertEquals("audit-alice-name", newest.get("username"));
        assertEquals(List.of("client-manager"), newest.get("roles"));
        assertEquals(client, newest.get("clientId"));
        assertEquals("contracts", newest.get("service"));
        assertEquals("GET", newest.get("method"));
        assertEquals(200, newest.get("status"));
        assertEquals("ALLOWED", newest.get("outcome"));
        assertEquals("127.0.0.1", newest.get("sourceAddress"));
        assertNotNull(newest.get("userAgent"));
        assertNotNull(newest.get("durationMs"));
    }

    @Test
    void cursorPagesThroughEveryEntryOnceInStableOrder() {
        String client = freshClient();
        String token = member("audit-pager", client);
        for (int i = 0; i < 5; i++) {
            call(token, client, "/" + i);
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(AUDITOR).queryParam("clientId", client).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(LOG).then().statusCode(200).extract().jsonPath();
            List<String> paths = page.getList("items.path");
            pageSizes.add(paths.size());
            seen.addAll(paths);
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(List.of(2, 2, 1), pageSizes);
        String base = "/api/v1/clients/" + client + "/contracts/";
        assertEquals(List.of(base + 4, base + 3, base + 2, base + 1, base + 0), seen);
    }

    @Test
    void subjectFilterReturnsOnlyThatSubjectsEntries() {
        String client = freshClient();
        call(member("audit-sub-one", client), client, "");
        call(member("audit-sub-two", client), client, "");

        given().auth().oauth2(AUDITOR).queryParam("clientId", client).queryParam("subject", "audit-sub-two")
                .when().get(LOG)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subject", equalTo("audit-sub-two"));
    }

    @Test
    void outcomeFilterFindsDeniedAttempts() {
        String client = freshClient();
        call(member("audit-intruder", "somewhere-else"), client, "");
        call(member("audit-member", client), client, "");

        given().auth().oauth2(AUDITOR).queryParam("clientId", client).queryParam("outcome", "DENIED_TENANT")
                .when().get(LOG)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subject", equalTo("audit-intruder"))
                .body("items[0].status", equalTo(403));
    }

    @Test
    void timeWindowIncludesFromAndExcludesTo() {
        String client = freshClient();
        call(member("audit-window", client), client, "");
        String occurredAt = given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .when().get(LOG).then().statusCode(200).extract().path("items[0].occurredAt");

        given().auth().oauth2(AUDITOR).queryParam("clientId", client).queryParam("from", occurredAt)
                .when().get(LOG).then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(AUDITOR).queryParam("clientId", client).queryParam("to", occurredAt)
                .when().get(LOG).then().statusCode(200).body("items", empty());
        given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .queryParam("from", "2000-01-01T00:00:00+01:00").queryParam("to", "2999-01-01T00:00:00Z")
                .when().get(LOG).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void invalidParametersAreBadRequestNamingEachOne() {
        given().auth().oauth2(AUDITOR)
                .queryParam("limit", "501")
                .queryParam("from", "yesterday")
                .queryParam("outcome", "MAYBE")
                .queryParam("cursor", "not-a-cursor")
                .queryParam("clientId", "Not A Client")
                .when().get(LOG)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/invalid-parameter"))
                .body("status", equalTo(400))
                .body("instance", equalTo(LOG))
                .body("requestId", notNullValue())
                .body("errors.field", containsInAnyOrder("limit", "from", "outcome", "cursor", "clientId"));
    }

    @Test
    void limitMustBeBetweenOneAndFiveHundred() {
        for (String limit : List.of("0", "-1", "abc", "1.5", "501")) {
            given().auth().oauth2(AUDITOR).queryParam("limit", limit)
                    .when().get(LOG)
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        given().auth().oauth2(AUDITOR).queryParam("limit", "500").when().get(LOG).then().statusCode(200);
    }

    @Test
    void fromMustBeBeforeTo() {
        given().auth().oauth2(AUDITOR)
                .queryParam("from", "2025-02-01T00:00:00Z").queryParam("to", "2025-01-01T00:00:00Z")
                .when().get(LOG)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void nonAuditorIsForbiddenAndLogged() {
        String requestId = "audit-" + UUID.randomUUID();
        given().auth().oauth2(NOT_AN_AUDITOR).header("X-Request-Id", requestId)
                .when().get(LOG)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/role-forbidden"))
                .body("requestId", equalTo(requestId));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("DENIED_ROLE", entry.get("outcome"));
        assertEquals("gateway", entry.get("service"));
        assertEquals("audit-frank", entry.get("subject"));
    }

    @Test
    void readsOfTheLogAreThemselvesLogged() {
        String requestId = "audit-" + UUID.randomUUID();
        given().auth().oauth2(AUDITOR).header("X-Request-Id", requestId)
                .queryParam("subject", "nobody-at-all").queryParam("limit", 7)
                .when().get(LOG)
                .then().statusCode(200)
                .header("X-Request-Id", equalTo(requestId));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("ALLOWED", entry.get("outcome"));
        assertEquals(200, ((Number) entry.get("status")).intValue());
        assertEquals("gateway", entry.get("service"));
        assertEquals("audit-erin", entry.get("subject"));
        assertEquals(LOG, entry.get("path"));
        assertNull(entry.get("client_id"));
        assertEquals("access-log read, filters: subject=nobody-at-all limit=7, 0 entries", entry.get("reason"));
    }

    @Test
    void rejectedReadIsLoggedAsInvalid() {
        String requestId = "audit-" + UUID.randomUUID();
        given().auth().oauth2(AUDITOR).header("X-Request-Id", requestId).queryParam("limit", "0")
                .when().get(LOG)
                .then().statusCode(400);

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("REJECTED_INVALID", entry.get("outcome"));
        assertEquals(400, ((Number) entry.get("status")).intValue());
    }

    @Test
    void theLogCannotBeWrittenThroughTheApi() {
        given().auth().oauth2(AUDITOR).contentType("application/json").body("{}")
                .when().post(LOG)
                .then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD"));
    }

    @Test
    void unsupportedMediaTypeIsNotAcceptableProblemAndLogged() {
        String requestId = "audit-" + UUID.randomUUID();
        given().auth().oauth2(AUDITOR).header("X-Request-Id", requestId).accept("text/csv")
                .when().get(LOG)
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("requestId", equalTo(requestId));

        assertEquals("REJECTED_INVALID", AccessLogRows.single(dataSource, requestId).get("outcome"));
    }

    @Test
    void unknownAuditResourceIsNotFound() {
        given().auth().oauth2(AUDITOR)
                .when().get("/api/v1/audit/secrets")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void pagesNeverRepeatAnEntry() {
        String client = freshClient();
        String token = member("audit-unique", client);
        for (int i = 0; i < 4; i++) {
            call(token, client, "");
        }
        JsonPath first = given().auth().oauth2(AUDITOR).queryParam("clientId", client).queryParam("limit", 3)
                .when().get(LOG).then().statusCode(200).extract().jsonPath();
        JsonPath second = given().auth().oauth2(AUDITOR).queryParam("clientId", client)
                .queryParam("cursor", first.getString("nextCursor"))
                .when().get(LOG).then().statusCode(200).extract().jsonPath();

        List<String> ids = new ArrayList<>(first.getList("items.id"));
        ids.addAll(second.getList("items.id"));
        assertEquals(4, new HashSet<>(ids).size());
    }
}

package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Repeated cross-tenant denials of one subject, summarized for auditors. */
@QuarkusTest
class AccessLogAlertsTest {

    static final String ALERTS = "/api/v1/audit/access-log/cross-tenant-denials";
    static final String AUDITOR = Tokens.of("alerts-erin", List.of("auditor", "platform-auditor"), List.of());

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Optional<Map<String, Object>> bySubject(String token, String subject, Map<String, ?> params) {
        List<Map<String, Object>> rows = given().auth().oauth2(token).queryParams(params).get(ALERTS)
                .then().statusCode(200).contentType("application/json").extract().jsonPath().getList("$");
        return rows.stream().filter(r -> subject.equals(r.get("subject"))).findFirst();
    }

    @Test
    void aSubjectProbingOtherClientsShowsUpWithWhatItTried() {
        String prober = fresh("alerts-mallory");
        String token = Tokens.of(prober, List.of("client-manager"), List.of(fresh("home")));
        String a = fresh("alerts-a");
        String b = fresh("alerts-b");
        Instant before = Instant.now().minusSeconds(1);
        for (String client : List.of(b, a, b, a)) {
            given().auth().oauth2(token).get("/api/v1/clients/" + client + "/contracts").then().statusCode(403);
        }
        // a single slip by someone else is below the default threshold of 3
        String slip = fresh("alerts-slip");
        given().auth().oauth2(Tokens.of(slip, List.of("agent"), List.of("home"))).get("/api/v1/clients/" + a)
                .then().statusCode(403);

        Map<String, Object> row = bySubject(AUDITOR, prober, Map.of()).orElseThrow();
        assertEquals(4, row.get("denials"));
        assertEquals(prober + "-name", row.get("username"));
        assertEquals(List.of(a, b).stream().sorted().toList(), row.get("clientsTried"));
        Instant first = Instant.parse((String) row.get("firstAt"));
        Instant last = Instant.parse((String) row.get("lastAt"));
        assertTrue(!first.isBefore(before) && !last.isBefore(first), row.toString());
        assertTrue(bySubject(AUDITOR, slip, Map.of()).isEmpty());
        assertEquals(1, bySubject(AUDITOR, slip, Map.of("minDenials", "1")).orElseThrow().get("denials"));
        assertTrue(bySubject(AUDITOR, prober, Map.of("minDenials", "5")).isEmpty());
        assertTrue(bySubject(AUDITOR, prober, Map.of("from", Instant.now().plusSeconds(60).toString(),
                "to", Instant.now().plusSeconds(120).toString())).isEmpty());

        // an auditor scoped to client a sees the attempts at a only
        String scoped = Tokens.of("alerts-scoped", List.of("auditor"), List.of(a));
        Map<String, Object> mine = bySubject(scoped, prober, Map.of("minDenials", "1")).orElseThrow();
        assertEquals(2, mine.get("denials"));
        assertEquals(List.of(a), mine.get("clientsTried"));
    }

    @Test
    void badParametersAreNamedAndOnlyAuditorsAsk() {
        given().auth().oauth2(AUDITOR).queryParam("minDenials", "0").queryParam("from", "today").get(ALERTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("minDenials")).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("alerts-admin", List.of("provider-admin"), List.of())).get(ALERTS)
                .then().statusCode(403);
        given().get(ALERTS).then().statusCode(401);
    }
}

package io.bpo.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The portfolio across an account manager's clients, through the gateway with real tokens and the real
 * contracts-service: each section equals the per-client portfolio of that client, a client user sees only its own
 * client, other roles are refused, and the gateway's log entry names the clients read.
 */
class ReportingPortfolioIT extends PlatformClient {
    static final String PORTFOLIO = "/api/v1/reporting/portfolio";
    static final String MONTH = "2026-03";

    static String perClient(String clientId) {
        return "/api/v1/clients/" + clientId + "/reporting/portfolio";
    }

    @Test
    void carolGetsOneSectionPerClientEqualToItsOwnPortfolio() {
        JsonPath all = as(CAROL).queryParam("month", MONTH).get(PORTFOLIO).then().statusCode(200)
                .body("month", equalTo(MONTH)).body("complete", equalTo(true))
                .body("clients.clientId", contains(ACME, GLOBEX))
                .body("clients.status", contains("OK", "OK"))
                .body("clients[0].contracts.reference", hasItem("ACME-BPO-2026-01"))
                .extract().jsonPath();
        Map<String, BigDecimal> credits = new TreeMap<>();
        for (int i = 0; i < 2; i++) {
            String clientId = all.getString("clients[" + i + "].clientId");
            List<Object> own = as(CAROL).queryParam("month", MONTH).get(perClient(clientId)).then().statusCode(200)
                    .extract().jsonPath().getList("contracts");
            assertEquals(own, all.getList("clients[" + i + "].contracts"), "section " + clientId);
            for (Map<String, Object> line : all.<Map<String, Object>>getList("clients[" + i + "].contracts")) {
                credits.merge((String) line.get("currency"), new BigDecimal(line.get("totalCredit").toString()),
                        BigDecimal::add);
            }
        }
        // one total per currency, each the sum of that currency's lines only
        assertEquals(List.copyOf(credits.keySet()), all.getList("totals.currency"));
        for (int t = 0; t < credits.size(); t++) {
            String currency = all.getString("totals[" + t + "].currency");
            assertEquals(0, credits.get(currency).compareTo(new BigDecimal(all.getString("totals[" + t
                    + "].totalCredit"))), "credit total in " + currency);
        }
    }

    @Test
    void aClientUserSeesOnlyItsOwnClient() {
        as(ALICE).queryParam("month", MONTH).get(PORTFOLIO).then().statusCode(200)
                .body("clients.clientId", contains(ACME));
        as(BOB).queryParam("month", MONTH).get(PORTFOLIO).then().statusCode(200)
                .body("clients.clientId", contains(GLOBEX));
    }

    @Test
    void otherRolesAreRefusedAndTheMonthIsChecked() {
        for (String refused : List.of(DAVE, ERIN, FRANK, INGEST_ACME)) {
            as(refused).queryParam("month", MONTH).get(PORTFOLIO).then().statusCode(403)
                    .contentType(startsWith(PROBLEM_JSON));
        }
        anonymous().queryParam("month", MONTH).get(PORTFOLIO).then().statusCode(401);
        as(CAROL).queryParam("month", "2026-3").get(PORTFOLIO).then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON)).body("errors.field", hasItem("month"));
        // nothing else lives under /api/v1/reporting
        as(CAROL).get("/api/v1/reporting/portfolio/acme").then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void theAccessLogEntryNamesTheClientsRead() {
        Instant since = Instant.now().minusSeconds(5);
        String requestId = "e2e-portfolio-" + UUID.randomUUID();
        as(CAROL).header("X-Request-Id", requestId).queryParam("month", MONTH).get(PORTFOLIO).then().statusCode(200);
        List<Map<String, Object>> matching = as(ERIN).queryParam("from", since.toString()).queryParam("limit", 500)
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.requestId == '" + requestId + "' }");
        assertEquals(1, matching.size(), "one entry for request " + requestId);
        Map<String, Object> entry = matching.get(0);
        assertNull(entry.get("clientId"));
        assertEquals("reporting", entry.get("service"));
        assertEquals("ALLOWED", entry.get("outcome"));
        assertTrue(String.valueOf(entry.get("reason")).contains("clients from the token: acme,globex"),
                String.valueOf(entry.get("reason")));
    }
}

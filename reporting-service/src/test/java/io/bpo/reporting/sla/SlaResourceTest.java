package io.bpo.reporting.sla;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.abandoned;
import static io.bpo.reporting.Api.answered;
import static io.bpo.reporting.Api.as;
import static io.bpo.reporting.Api.interactions;
import static io.bpo.reporting.Api.with;
import static io.bpo.reporting.contracts.ContractsStub.ACME_SLA;
import static io.bpo.reporting.contracts.ContractsStub.ACME_STATEMENT;
import static io.bpo.reporting.contracts.ContractsStub.BROKEN;
import static io.bpo.reporting.contracts.ContractsStub.LIVE;
import static io.bpo.reporting.contracts.ContractsStub.SLA_CLIENT;
import static io.bpo.reporting.contracts.ContractsStub.SLOW;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.bpo.kit.testing.Tokens;
import io.bpo.reporting.contracts.ContractsStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA compliance over the acme demo terms (served by {@link ContractsStub} in the real API's shape) and records
 * ingested through the API. The numbers are worked out by hand from the records in {@link #arrange()}.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ContractsStub.class, scope = TestResourceScope.GLOBAL)
class SlaResourceTest {
    static final String VIEWER = Tokens.token("vera", "client-viewer", SLA_CLIENT);
    static final String MANAGER = Tokens.token("carol", "account-manager", SLA_CLIENT, "rs-other");
    static final String QUEUE = "appels-facturation";
    // Monday 2026-03-02 10:00 in Paris (CET)
    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    static boolean arranged;

    static String base(String clientId, UUID contractId) {
        return "/api/v1/clients/" + clientId + "/reporting/contracts/" + contractId;
    }

    static String sla(String key) {
        return base(SLA_CLIENT, ACME_SLA) + "/slas/" + key + "/compliance";
    }

    static Map<String, Object> call(int wait, String queue, Instant at) {
        return with(with(answered("sla-" + UUID.randomUUID(), at), "waitSeconds", wait), "queue", queue);
    }

    static Map<String, Object> gone(int wait, Instant at) {
        return with(with(with(abandoned("sla-" + UUID.randomUUID(), at), "queue", QUEUE), "waitSeconds", wait),
                "channel", "PHONE");
    }

    /**
     * In service hours on the billing queue: 8 calls answered in 10 s, 2 in 30 s (all CSAT 4), 1 abandoned after
     * 60 s, 1 after 2 s (short: left out). Outside: a Sunday call (closed) and a call on a queue out of scope.
     */
    @BeforeEach
    void arrange() {
        if (arranged) {
            return;
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            records.add(call(10, QUEUE, MONDAY.plusSeconds(i)));
        }
        records.add(call(30, QUEUE, MONDAY.plusSeconds(10)));
        records.add(call(30, QUEUE, MONDAY.plusSeconds(11)));
        records.add(gone(60, MONDAY.plusSeconds(12)));
        records.add(gone(2, MONDAY.plusSeconds(13)));
        records.add(call(90, QUEUE, Instant.parse("2026-03-01T09:00:00Z")));
        records.add(call(90, "hors-perimetre", MONDAY.plusSeconds(14)));
        as(Tokens.token("ingest", "reporting-ingest", SLA_CLIENT)).body(records).post(interactions(SLA_CLIENT))
                .then().statusCode(200).body("created", equalTo(records.size()));
        arranged = true;
    }

    @Test
    void serviceLevelCountsOnlyRecordsInsideTheCalendarAndScope() {
        // 8 within 20 s / (10 answered + 1 counted abandon) = 72.73 % < 80 %: breached, 2.5 % of 176,400.00
        as(VIEWER).queryParam("date", "2026-03-15").get(sla("niveau-de-service-20s")).then().statusCode(200)
                .body("period", equalTo("MONTH"))
                .body("periodLabel", equalTo("2026-03"))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("from", equalTo("2026-02-28T23:00:00Z"))
                .body("to", equalTo("2026-03-31T22:00:00Z"))
                .body("value", equalTo(72.73f))
                .body("numerator", equalTo(8))
                .body("denominator", equalTo(11))
                .body("recordsCounted", equalTo(12))
                .body("target", equalTo(80))
                .body("comparator", equalTo("GTE"))
                .body("status", equalTo("BREACHED"))
                .body("margin", equalTo(-7.27f))
                .body("creditPercent", equalTo(2.5f))
                .body("creditAmount", equalTo(4410.00f))
                .body("currency", equalTo("EUR"))
                .body("termsVersion", equalTo(1))
                .body("objectives", contains("Un assuré qui appelle est pris en charge rapidement, sans abandonner."));
    }

    @Test
    void aMonthListsEverySlaWithItsCappedCreditAndTheTotals() {
        // abandonment 1 / 11 = 9.09 % > 5 %: 1.5 % = 2,646.00; CSAT 4.00 < 4.2: 1 % = 1,764.00; total 8,820.00
        as(VIEWER).queryParam("month", "2026-03").get(base(SLA_CLIENT, ACME_SLA) + "/compliance").then()
                .statusCode(200)
                .body("reference", equalTo("ACME-BPO-2026-01"))
                .body("slas.slaKey", contains("niveau-de-service-20s", "taux-abandon", "csat"))
                .body("slas.status", contains("BREACHED", "BREACHED", "BREACHED"))
                .body("slas[1].periods[0].value", equalTo(9.09f))
                .body("slas[1].creditAmount", equalTo(2646.00f))
                .body("slas[2].periods[0].value", equalTo(4.00f))
                .body("slas[2].creditAmount", equalTo(1764.00f))
                .body("breaches", equalTo(3))
                .body("totalCredit", equalTo(8820.00f))
                .body("totalBonus", equalTo(0.0f));
    }

    @Test
    void theAmendedTargetAppliesFromItsEffectiveDate() {
        // amendment 1 (version 2) raises the service level to 85 % from 2026-07-01; nothing measured in July
        as(VIEWER).queryParam("date", "2026-07-10").get(sla("niveau-de-service-20s")).then().statusCode(200)
                .body("termsVersion", equalTo(2))
                .body("target", equalTo(85))
                .body("status", equalTo("NO_DATA"))
                .body("value", nullValue())
                .body("recordsCounted", equalTo(0))
                .body("creditPercent", equalTo(0));
    }

    @Test
    void aDailyViewOfAMonthlySla() {
        as(VIEWER).queryParam("date", "2026-03-02").queryParam("period", "DAY").get(sla("niveau-de-service-20s"))
                .then().statusCode(200)
                .body("periodLabel", equalTo("2026-03-02"))
                .body("from", equalTo("2026-03-01T23:00:00Z"))
                .body("denominator", equalTo(11));
    }

    @Test
    void intradayShowsTodaysRunningValueAndRisk() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(call(5, "live-calls", now));
        }
        records.add(call(60, "live-calls", now));
        as(Tokens.token("ingest", "reporting-ingest", SLA_CLIENT)).body(records).post(interactions(SLA_CLIENT))
                .then().statusCode(200);
        // 3 of 4 within 20 s today = 75 % < 80 %: at risk; nothing abandoned: 0 % <= 5 %
        as(VIEWER).get(base(SLA_CLIENT, LIVE) + "/intraday").then().statusCode(200)
                .body("today.slaKey", contains("service-level", "abandonment"))
                .body("today[0].period", equalTo("DAY"))
                .body("today[0].value", equalTo(75.00f))
                .body("today[0].status", equalTo("BREACHED"))
                .body("atRisk", contains(true, false));
    }

    @Test
    void anSlaNotInTheTermsIsNotFound() {
        as(VIEWER).queryParam("date", "2026-03-15").get(sla("no-such-sla")).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void badParametersAreNamed() {
        as(VIEWER).get(sla("csat")).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("date"));
        as(VIEWER).queryParam("date", "2026-02-30").get(sla("csat")).then().statusCode(400)
                .body("errors.field", hasItem("date"));
        as(VIEWER).queryParam("date", "2026-03-02").queryParam("period", "YEAR").get(sla("csat")).then()
                .statusCode(400).body("errors.field", hasItem("period"));
        as(VIEWER).queryParam("date", "2026-03-02").get(sla("Not_A_Key")).then().statusCode(400)
                .body("errors.field", hasItem("slaKey"));
        as(VIEWER).queryParam("month", "2026-13").get(base(SLA_CLIENT, ACME_SLA) + "/compliance").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("month"));
    }

    @Test
    void rolesWithoutBusinessReadAccessAreRefused() {
        as(Tokens.token("dave", "agent", SLA_CLIENT)).queryParam("month", "2026-03")
                .get(base(SLA_CLIENT, ACME_SLA) + "/compliance").then().statusCode(403);
        as(Tokens.token("ingest", "reporting-ingest", SLA_CLIENT)).queryParam("month", "2026-03")
                .get(base(SLA_CLIENT, ACME_SLA) + "/compliance").then().statusCode(403);
        as(Tokens.token("erin", "auditor", SLA_CLIENT)).get(base(SLA_CLIENT, LIVE) + "/intraday").then()
                .statusCode(403);
        as(MANAGER).queryParam("month", "2026-03").get(base(SLA_CLIENT, ACME_SLA) + "/compliance").then()
                .statusCode(200);
    }

    @Test
    void aClientNotInTheTokenIsForbidden() {
        as(Tokens.token("otto", "client-manager", "rs-other")).queryParam("month", "2026-03")
                .get(base(SLA_CLIENT, ACME_SLA) + "/compliance").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anotherClientsContractIsNotFoundLikeAMissingOne() {
        // ACME_STATEMENT belongs to rs-stmt: contracts-service answers 404 for it under rs-sla
        as(VIEWER).queryParam("month", "2026-03").get(base(SLA_CLIENT, ACME_STATEMENT) + "/compliance").then()
                .statusCode(404).contentType(PROBLEM);
        as(VIEWER).queryParam("month", "2026-03").get(base(SLA_CLIENT, UUID.randomUUID()) + "/compliance").then()
                .statusCode(404).contentType(PROBLEM);
        as(MANAGER).queryParam("month", "2026-03").get(base("rs-other", ACME_SLA) + "/compliance").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void contractsFailingIsABadGatewayProblem() {
        as(VIEWER).queryParam("month", "2026-03").get(base(SLA_CLIENT, BROKEN) + "/compliance").then()
                .statusCode(502).contentType(PROBLEM)
                .body("type", equalTo("https://bpo.example/problems/contracts-failed"));
    }

    @Test
    void contractsTooSlowIsAServiceUnavailableProblem() {
        as(VIEWER).queryParam("month", "2026-03").get(base(SLA_CLIENT, SLOW) + "/compliance").then()
                .statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("https://bpo.example/problems/contracts-unavailable"));
    }

    @Test
    void withoutATokenNothingIsRead() {
        io.restassured.RestAssured.given().queryParam("month", "2026-03")
                .get(base(SLA_CLIENT, ACME_SLA) + "/compliance").then().statusCode(401);
    }
}

package io.bpo.reporting.report;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.answered;
import static io.bpo.reporting.Api.as;
import static io.bpo.reporting.Api.interactions;
import static io.bpo.reporting.Api.with;
import static io.bpo.reporting.contracts.ContractsStub.PORTFOLIO_EUR;
import static io.bpo.reporting.contracts.ContractsStub.PORTFOLIO_EUR_2;
import static io.bpo.reporting.contracts.ContractsStub.PORTFOLIO_SLOW;
import static io.bpo.reporting.contracts.ContractsStub.PORTFOLIO_USD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portfolio across the caller's clients. All three clients run acme's demo terms (fee 176,400 a month) in March
 * 2026. pf-eur and pf-eur-2 (EUR) each have 3 billing calls answered in 10 s and 1 in 60 s, CSAT 4: service level
 * 75 % and CSAT 4 < 4.2 breached, credit 2.5 % + 1 % = 6,174.00 each. pf-usd (USD) has 4 calls answered in 10 s,
 * CSAT 5: service level 100 % earns the bonus cap 3 % (5,292.00), CSAT 5 over the 4.5 stretch 1 % (1,764.00), no
 * breach. If a section were read under another client's binding, its status and amounts would be the other's.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ContractsStub.class, scope = TestResourceScope.GLOBAL)
class ClientsPortfolioResourceTest {
    static final String PORTFOLIO = "/api/v1/reporting/portfolio";
    static final String MARCH = "2026-03";
    static boolean arranged;

    static Map<String, Object> call(int wait, int csat, Instant at) {
        return with(with(with(answered("pf-" + UUID.randomUUID(), at), "waitSeconds", wait), "csat", csat),
                "queue", "appels-facturation");
    }

    static void ingest(String clientId, List<Map<String, Object>> records) {
        as(Tokens.token("ingest", "reporting-ingest", clientId)).body(records).post(interactions(clientId))
                .then().statusCode(200);
    }

    @BeforeEach
    void arrange() {
        if (arranged) {
            return;
        }
        Instant march = Instant.parse("2026-03-03T09:00:00Z");
        for (String eur : List.of(PORTFOLIO_EUR, PORTFOLIO_EUR_2)) {
            ingest(eur, List.of(call(10, 4, march), call(10, 4, march.plusSeconds(1)),
                    call(10, 4, march.plusSeconds(2)), call(60, 4, march.plusSeconds(3))));
        }
        List<Map<String, Object>> usd = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            usd.add(call(10, 5, march.plusSeconds(i)));
        }
        ingest(PORTFOLIO_USD, usd);
        arranged = true;
    }

    @Test
    void oneSectionPerClientOfTheTokenWithTotalsPerCurrency() {
        as(Tokens.token("carol", "account-manager", PORTFOLIO_USD, PORTFOLIO_EUR, PORTFOLIO_EUR_2))
                .queryParam("month", MARCH).get(PORTFOLIO).then().statusCode(200)
                .body("month", equalTo(MARCH))
                .body("complete", equalTo(true))
                .body("clients.clientId", contains(PORTFOLIO_EUR, PORTFOLIO_EUR_2, PORTFOLIO_USD))
                .body("clients.status", contains("OK", "OK", "OK"))
                .body("clients[0].contracts", hasSize(1))
                .body("clients[0].contracts[0].reference", equalTo("PF-EUR-1"))
                .body("clients[0].contracts[0].status", equalTo("BREACHED"))
                .body("clients[0].contracts[0].breaches", equalTo(2))
                .body("clients[0].contracts[0].totalCredit", equalTo(6174.00f))
                .body("clients[0].problem", nullValue())
                .body("clients[1].contracts[0].reference", equalTo("PF-EUR-2"))
                .body("clients[1].contracts[0].totalCredit", equalTo(6174.00f))
                .body("clients[2].contracts[0].reference", equalTo("PF-USD-1"))
                .body("clients[2].contracts[0].status", equalTo("MET"))
                .body("clients[2].contracts[0].breaches", equalTo(0))
                .body("clients[2].contracts[0].totalCredit", equalTo(0.00f))
                .body("clients[2].contracts[0].totalBonus", equalTo(7056.00f))
                .body("clients[2].contracts[0].currency", equalTo("USD"))
                // EUR sums its two contracts; USD stays apart
                .body("totals.currency", contains("EUR", "USD"))
                .body("totals[0].contracts", equalTo(2))
                .body("totals[0].breaches", equalTo(4))
                .body("totals[0].totalCredit", equalTo(12348.00f))
                .body("totals[0].totalBonus", equalTo(0.00f))
                .body("totals[1].contracts", equalTo(1))
                .body("totals[1].breaches", equalTo(0))
                .body("totals[1].totalCredit", equalTo(0.00f))
                .body("totals[1].totalBonus", equalTo(7056.00f));
    }

    @Test
    void aCallerSeesOnlyTheClientsOfItsToken() {
        as(Tokens.token("alice", "client-manager", PORTFOLIO_EUR)).queryParam("month", MARCH).get(PORTFOLIO)
                .then().statusCode(200)
                .body("clients.clientId", contains(PORTFOLIO_EUR))
                .body("clients[0].contracts.reference", contains("PF-EUR-1"))
                .body("totals", hasSize(1))
                .body("totals[0].totalCredit", equalTo(6174.00f));
        // a token with no tenants reads nothing, whatever the database holds
        as(Tokens.token("carol", "account-manager")).queryParam("month", MARCH).get(PORTFOLIO).then()
                .statusCode(200).body("clients", hasSize(0)).body("totals", hasSize(0)).body("complete", equalTo(true));
    }

    @Test
    void rolesWithoutPortfolioAccessAreRefused() {
        for (String refused : List.of(Tokens.token("vera", "client-viewer", PORTFOLIO_EUR),
                Tokens.token("dave", "agent", PORTFOLIO_EUR), Tokens.token("erin", "auditor"),
                Tokens.token("frank", "provider-admin"), Tokens.token("frank", "provider-admin", PORTFOLIO_EUR),
                Tokens.token("ingest", "reporting-ingest", PORTFOLIO_EUR))) {
            as(refused).queryParam("month", MARCH).get(PORTFOLIO).then().statusCode(403).contentType(PROBLEM);
        }
        given().queryParam("month", MARCH).get(PORTFOLIO).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theMonthIsRequiredAndChecked() {
        String carol = Tokens.token("carol", "account-manager", PORTFOLIO_EUR);
        for (String bad : List.of("", "2026-3", "March", "2026-13", "1999-12")) {
            as(carol).queryParam("month", bad).get(PORTFOLIO).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("month"));
        }
        as(carol).get(PORTFOLIO).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("month"));
    }

    @Test
    void whenContractsIsUnavailableForAClientItsSectionSaysSoAndTheRestAreNotWaitedFor() {
        // sorted: pf-eur is read, pf-slow times out, pf-usd is answered unavailable without a call
        as(Tokens.token("carol", "account-manager", PORTFOLIO_EUR, PORTFOLIO_SLOW, PORTFOLIO_USD))
                .queryParam("month", MARCH).get(PORTFOLIO).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("clients.clientId", contains(PORTFOLIO_EUR, PORTFOLIO_SLOW, PORTFOLIO_USD))
                .body("clients.status", contains("OK", "UNAVAILABLE", "UNAVAILABLE"))
                .body("clients[1].contracts", hasSize(0))
                .body("clients[1].problem.status", equalTo(503))
                .body("clients[1].problem.type", endsWith("/contracts-unavailable"))
                .body("clients[2].problem.type", endsWith("/contracts-unavailable"))
                .body("totals.currency", contains("EUR"))
                .body("totals[0].totalCredit", equalTo(6174.00f));
    }
}

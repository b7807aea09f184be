package io.bpo.contracts.terms;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.terms.TermsDocs.contractWithTerms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Effective dating: "which terms were in force on D" has one answer, and reporting reads the terms in force over a
 * range. The contract here runs from 2026-01-01 to 2027-12-31.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TermsInForceTest {
    static final String OWN = "tf-own";
    static final String PROBLEM = "application/problem+json";
    static final String MANAGER = Tokens.token("alice", "account-manager", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);
    static final String INGEST = Tokens.token("ingest-acme", "reporting-ingest", OWN);
    static final String AGENT = Tokens.token("dave", "agent", OWN);

    String contract;
    String reference;

    @BeforeEach
    void draftContract() {
        Api.onboard(OWN);
        reference = "TF-" + UUID.randomUUID().toString().substring(0, 8);
        contract = as(MANAGER).body(contractWithTerms(reference, TermsDocs.terms())).post(base())
                .then().statusCode(201).extract().path("id");
    }

    private static String base() {
        return "/api/v1/clients/" + OWN + "/contracts";
    }

    private String termsAt(String at) {
        return base() + "/" + contract + "/terms?at=" + at;
    }

    private String inForce(String query) {
        return base() + "/" + contract + "/terms-in-force" + query;
    }

    // ---- terms?at= -----------------------------------------------------------------------------------------

    @Test
    void termsOnTheFirstDayAreTheOriginalAgreement() {
        as(VIEWER).get(termsAt("2026-01-01")).then().statusCode(200).header("ETag", equalTo("\"1.0\""))
                .body("versionNumber", equalTo(1)).body("effectiveFrom", equalTo("2026-01-01"));
    }

    @Test
    void noTermsAreInForceBeforeTheContractStarts() {
        as(VIEWER).get(termsAt("2025-12-31")).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("no-terms-in-force"));
    }

    @Test
    void yamlReaderStillGetsProblemsAsJson() {
        as(VIEWER).accept("application/yaml").get(termsAt("2025-12-31")).then().statusCode(404)
                .contentType(PROBLEM).body("type", endsWith("no-terms-in-force"));
    }

    @Test
    void atThatIsNotADateIsABadRequestNamingIt() {
        as(VIEWER).get(termsAt("bad")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("at"));
        as(VIEWER).get(termsAt("2026-02-30")).then().statusCode(400).body("errors.field", contains("at"));
    }

    // ---- terms-in-force ------------------------------------------------------------------------------------

    @Test
    void rangeStartingBeforeTheContractIsClippedToItsStart() {
        as(INGEST).get(inForce("?from=2025-12-01&to=2026-01-31")).then().statusCode(200)
                .body("contractId", equalTo(contract)).body("clientId", equalTo(OWN))
                .body("reference", equalTo(reference)).body("currency", equalTo("EUR"))
                .body("status", equalTo("DRAFT"))
                .body("periods", hasSize(1))
                .body("periods[0].from", equalTo("2026-01-01")).body("periods[0].to", equalTo("2026-01-31"))
                .body("periods[0].versionNumber", equalTo(1)).body("periods[0].amendmentNumber", equalTo(0))
                .body("periods[0].terms.slas.key", contains("service-level-20s", "abandonment", "csat"))
                .body("periods[0].terms.calendars[0].holidays", contains("2026-05-01", "2026-07-14"));
    }

    @Test
    void theIngestCredentialReadsTheSlasButNotTheFeesNorTheCreditRules() {
        as(INGEST).get(inForce("?from=2026-01-01&to=2026-01-31")).then().statusCode(200)
                .body("periods[0].terms.slas.key", contains("service-level-20s", "abandonment", "csat"))
                .body("periods[0].terms.slas[0].target", notNullValue())
                .body("periods[0].terms.pricing", nullValue())
                .body("periods[0].terms.slas.serviceCredit", everyItem(nullValue()))
                .body("periods[0].terms.slas.bonus", everyItem(nullValue()))
                .body("periods[0].terms.objectives", empty())
                .body("periods[0].terms.governance", empty());
        as(VIEWER).get(inForce("?from=2026-01-01&to=2026-01-31")).then().statusCode(200)
                .body("periods[0].terms.pricing.monthlyFee", equalTo(85000.00f))
                .body("periods[0].terms.slas.serviceCredit", hasItem(notNullValue()));
    }

    @Test
    void rangeInsideTheContractIsOnePeriodCoveringIt() {
        as(VIEWER).get(inForce("?from=2026-03-01&to=2026-03-31")).then().statusCode(200)
                .body("periods", hasSize(1))
                .body("periods[0].from", equalTo("2026-03-01")).body("periods[0].to", equalTo("2026-03-31"));
    }

    @Test
    void rangeBeforeTheContractHasNoPeriods() {
        as(INGEST).get(inForce("?from=2025-01-01&to=2025-12-31")).then().statusCode(200).body("periods", empty());
    }

    @Test
    void oneDayRangeIsOneDayPeriod() {
        as(INGEST).get(inForce("?from=2026-06-15&to=2026-06-15")).then().statusCode(200)
                .body("periods[0].from", equalTo("2026-06-15")).body("periods[0].to", equalTo("2026-06-15"));
    }

    @Test
    void rangeOf366DaysIsAllowed() {
        as(INGEST).get(inForce("?from=2026-01-01&to=2027-01-02")).then().statusCode(200)
                .body("periods[0].to", equalTo("2027-01-02"));
    }

    @Test
    void fromAndToAreRequired() {
        as(INGEST).get(inForce("?to=2026-01-31")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("from"));
        as(INGEST).get(inForce("?from=2026-01-01")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("to"));
        as(INGEST).get(inForce("")).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void datesThatAreNotDatesAreNamed() {
        as(INGEST).get(inForce("?from=yesterday&to=2026-01-31")).then().statusCode(400)
                .body("errors.field", contains("from"));
        as(INGEST).get(inForce("?from=2026-01-01&to=31/01/2026")).then().statusCode(400)
                .body("errors.field", contains("to"));
    }

    @Test
    void toBeforeFromIsABadRequest() {
        as(INGEST).get(inForce("?from=2026-02-01&to=2026-01-31")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("to"));
    }

    @Test
    void rangeLongerThan366DaysIsABadRequest() {
        as(INGEST).get(inForce("?from=2026-01-01&to=2027-01-03")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("to"));
    }

    @Test
    void reportingIngestAndClientRolesMayReadTermsInForce() {
        as(INGEST).get(inForce("?from=2026-01-01&to=2026-01-31")).then().statusCode(200);
        as(VIEWER).get(inForce("?from=2026-01-01&to=2026-01-31")).then().statusCode(200);
        as(MANAGER).get(inForce("?from=2026-01-01&to=2026-01-31")).then().statusCode(200);
    }

    @Test
    void agentMayNotReadTermsInForce() {
        as(AGENT).get(inForce("?from=2026-01-01&to=2026-01-31")).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void reportingIngestReadsOnlyTheTermsInForceNotTheDocument() {
        as(INGEST).get(base() + "/" + contract + "/terms").then().statusCode(403);
        as(INGEST).get(base() + "/" + contract + "/versions").then().statusCode(403);
    }

    @Test
    void reportingIngestOfAnotherClientIsForbidden() {
        as(Tokens.token("ingest-globex", "reporting-ingest", "tf-other"))
                .get(inForce("?from=2026-01-01&to=2026-01-31")).then().statusCode(403)
                .body("type", endsWith("tenant-forbidden"));
    }
}

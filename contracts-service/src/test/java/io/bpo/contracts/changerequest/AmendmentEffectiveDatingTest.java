package io.bpo.contracts.changerequest;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.changerequest.Amendments.activeContract;
import static io.bpo.contracts.changerequest.Amendments.approve;
import static io.bpo.contracts.changerequest.Amendments.clientSide;
import static io.bpo.contracts.changerequest.Amendments.contracts;
import static io.bpo.contracts.changerequest.Amendments.proposal;
import static io.bpo.contracts.changerequest.Amendments.provider;
import static io.bpo.contracts.changerequest.Amendments.raise;
import static io.bpo.contracts.changerequest.Amendments.raised;
import static io.bpo.contracts.changerequest.Amendments.changeRequests;
import static io.bpo.contracts.changerequest.Amendments.termsWithTarget;
import static io.bpo.contracts.changerequest.Amendments.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An applied amendment takes effect on its date: before it the original terms are in force, from it the new. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AmendmentEffectiveDatingTest {
    static final String OWN = "cr-dating";
    static final String VIEWER = viewer(OWN);

    String contract;

    @BeforeEach
    void contractAmendedFromTheFirstOfJune() {
        Api.onboard(OWN);
        contract = activeContract(OWN);
        String url = raised(provider(OWN), OWN, contract, "2026-06-01", 85);
        approve(provider(OWN), url).then().statusCode(200);
        approve(clientSide(OWN), url).then().statusCode(200).body("status", equalTo("APPLIED"));
    }

    private String base() {
        return contracts(OWN) + "/" + contract;
    }

    @Test
    void dayBeforeTheEffectiveDateShowsTheOriginalTarget() {
        as(VIEWER).get(base() + "/terms?at=2026-05-31").then().statusCode(200)
                .body("versionNumber", equalTo(1)).body("amendmentNumber", equalTo(0))
                .body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void effectiveDateShowsTheAmendedTarget() {
        as(VIEWER).get(base() + "/terms?at=2026-06-01").then().statusCode(200)
                .body("versionNumber", equalTo(2)).body("amendmentNumber", equalTo(1))
                .body("effectiveFrom", equalTo("2026-06-01"))
                .body("terms.slas[0].target", equalTo(85));
    }

    @Test
    void termsInForceAcrossTheAmendmentAreTwoPeriodsSplitOnItsDate() {
        as(Tokens.token("ingest-acme", "reporting-ingest", OWN))
                .get(base() + "/terms-in-force?from=2026-05-01&to=2026-06-30").then().statusCode(200)
                .body("periods", hasSize(2))
                .body("periods[0].from", equalTo("2026-05-01")).body("periods[0].to", equalTo("2026-05-31"))
                .body("periods[0].versionNumber", equalTo(1))
                .body("periods[0].terms.slas[0].target", equalTo(80))
                .body("periods[1].from", equalTo("2026-06-01")).body("periods[1].to", equalTo("2026-06-30"))
                .body("periods[1].versionNumber", equalTo(2)).body("periods[1].amendmentNumber", equalTo(1))
                .body("periods[1].terms.slas[0].target", equalTo(85));
    }

    @Test
    void rangeWithinOnePeriodIsOnePeriod() {
        as(VIEWER).get(base() + "/terms-in-force?from=2026-07-01&to=2026-07-31").then().statusCode(200)
                .body("periods", hasSize(1)).body("periods[0].versionNumber", equalTo(2));
    }

    @Test
    void amendmentOfTheTermMovesTheContractsEndDate() {
        ObjectNode terms = termsWithTarget(85);
        ((ObjectNode) terms.at("/term")).put("endDate", "2029-06-30");
        String id = raise(clientSide(OWN), OWN, contract, proposal("2026-09-01", terms)).then().statusCode(201)
                .body("categories", contains("TERM")).body("baseVersionNumber", equalTo(2)).extract().path("id");
        String url = changeRequests(OWN, contract) + "/" + id;
        approve(provider(OWN), url).then().statusCode(200);
        approve(clientSide(OWN), url).then().statusCode(200).body("appliedVersionNumber", equalTo(3));
        as(VIEWER).get(base()).then().body("endDate", equalTo("2029-06-30"));
        as(VIEWER).get(base() + "/terms?at=2026-08-31").then().body("terms.term.endDate", equalTo("2027-12-31"));
        as(VIEWER).get(base() + "/terms?at=2026-09-01").then().body("terms.term.endDate", equalTo("2029-06-30"));
    }
}

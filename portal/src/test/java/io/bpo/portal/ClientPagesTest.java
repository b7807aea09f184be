package io.bpo.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client's pages rendered from the gateway's answers, for a client manager, a viewer and a refused user. */
@QuarkusTest
@WithTestResource(value = GatewayMock.class, scope = TestResourceScope.GLOBAL)
class ClientPagesTest {
    static final String CONTRACT = "4f1c2b9e-8a51-4c2e-9a44-0f3a8d7b6c21";
    static final String REQUEST = "7a1c2b9e-8a51-4c2e-9a44-0f3a8d7b6c22";

    @BeforeEach
    void gateway() {
        GatewayMock.server.resetAll();
        Stubs.acme(GatewayMock.server);
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity(claims = @Claim(key = "tenants", value = "[\"acme\"]", type = io.quarkus.test.security.oidc.ClaimType.JSON_ARRAY))
    void homeShowsThisMonthsSlasTheRequestAwaitingTheClientAndDeadlines() {
        given().get("/clients/acme").then().statusCode(200)
                .body(allOf(containsString("Acme Assurances SA"), containsString("Calls answered in 20 s"),
                        containsString("83.25"), containsString("Breached"), containsString("€4,410.00"),
                        containsString("Lower abandonment target"), containsString("Last day to give notice"),
                        containsString("/reports/")));
        // every call carried the signed-in user's token
        GatewayMock.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v1/clients/acme")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void homeIsWrittenInFrenchForAFrenchBrowserAndInTheLanguageChosenWithTheSwitch() {
        given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/clients/acme").then().statusCode(200)
                .body(allOf(containsString("<html lang=\"fr\""), containsString("Niveaux de service"),
                        containsString("Non respecté"), containsString("4\u202f410,00\u00a0€")));
        given().header("Accept-Language", "fr").cookie("bpo-lang", "en").get("/clients/acme").then().statusCode(200)
                .body(allOf(containsString("<html lang=\"en\""), containsString("Service levels in")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void anotherClientRefusedByTheGatewayShowsARefusalPageAndNothingElse() {
        GatewayMock.server.stubFor(get(urlPathMatching("/api/v1/clients/globex.*")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://bpo.example/problems/forbidden-tenant\",\"title\":\"Forbidden\","
                        + "\"status\":403,\"detail\":\"client not among the token's tenants\",\"requestId\":\"r-1\"}")));
        given().get("/clients/globex").then().statusCode(403)
                .body(allOf(containsString("Access refused"), containsString("r-1"),
                        not(containsString("Globex Corporation"))));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void aMissingContractIsANotFoundPage() {
        String other = "00000000-0000-4000-8000-000000000001";
        GatewayMock.server.stubFor(get(urlPathMatching("/api/v1/clients/acme/contracts/" + other + ".*"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        given().get("/clients/acme/contracts/" + other).then().statusCode(404).body(containsString("Not found"));
        given().get("/clients/acme/contracts/not-a-uuid").then().statusCode(404).body(containsString("Not found"));
    }

    @Test
    @TestSecurity(user = "grace", roles = "client-viewer")
    @OidcSecurity
    void theContractPageShowsTheTermsInForceTheirVersionsAndTheChangeRequests() {
        given().queryParam("done", "approve").get("/clients/acme/contracts/" + CONTRACT).then().statusCode(200)
                .body(allOf(containsString("Version 1 (amendment 0), effective Jan 1, 2026"),
                        containsString("Abandoned calls"), containsString("≤ 5"),
                        containsString("Lower abandonment target"), containsString("Approved (carol)"),
                        containsString("Your approval is recorded."), containsString("reports/")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void aManagerAcceptsLastMonthsStatementWhichTheProviderAcceptedFirst() {
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString();
        String statement = "/api/v1/clients/acme/reporting/contracts/" + CONTRACT + "/statements/" + month;
        GatewayMock.server.stubFor(get(urlPathEqualTo(statement)).willReturn(okJson("""
                {"status":"OPEN","contentHash":"9f2c0b1e","provider":{"by":"carol","at":"2026-12-02T10:00:00Z"},
                 "client":null}""")));
        GatewayMock.server.stubFor(post(urlPathEqualTo(statement + "/accept")).willReturn(okJson("{\"status\":\"FROZEN\"}")));
        Response page = given().get("/clients/acme/contracts/" + CONTRACT);
        page.then().statusCode(200).body(allOf(containsString("accepted by carol"), containsString("not accepted yet"),
                containsString("id=\"accept-statement\"")));
        given().redirects().follow(false).cookie("csrf-token", page.cookie("csrf-token"))
                .formParam("csrf-token", csrfToken(page.asString()))
                .post("/clients/acme/contracts/" + CONTRACT + "/statements/" + month + "/accept")
                .then().statusCode(303).header("Location", containsString("done=accept"));
        GatewayMock.server.verify(postRequestedFor(urlPathEqualTo(statement + "/accept")));
    }

    @Test
    @TestSecurity(user = "grace", roles = "client-viewer")
    @OidcSecurity
    void aMonthWithoutStatementIsShownAsSuchAndAViewerCannotAcceptIt() {
        given().get("/clients/acme/contracts/" + CONTRACT).then().statusCode(200)
                .body(allOf(containsString("No side has accepted it yet."),
                        not(containsString("id=\"accept-statement\""))));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void aManagerSeesTheDiffSideBySideAndTheDecisionForms() {
        given().get("/clients/acme/contracts/" + CONTRACT + "/change-requests/" + REQUEST).then().statusCode(200)
                .body(allOf(containsString("slas › 2 › target"), containsString("<pre>5</pre>"),
                        containsString("<pre>4</pre>"), containsString("id=\"approve\""),
                        containsString("id=\"reject\""), containsString("name=\"csrf-token\"")));
    }

    @Test
    @TestSecurity(user = "grace", roles = "client-viewer")
    @OidcSecurity
    void aViewerSeesTheSameRequestWithoutAnyActionButton() {
        given().get("/clients/acme/contracts/" + CONTRACT + "/change-requests/" + REQUEST).then().statusCode(200)
                .body(allOf(containsString("slas › 2 › target"), not(containsString("id=\"approve\"")),
                        not(containsString("id=\"reject\"")), not(containsString("<form method=\"post\""))));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void approvingSendsTheReadVersionAsIfMatchAndComesBackToTheContract() {
        GatewayMock.server.stubFor(post(urlPathEqualTo("/api/v1/clients/acme/contracts/" + CONTRACT
                + "/change-requests/" + REQUEST + "/approve")).willReturn(okJson("{\"status\":\"APPLIED\"}")));
        Response form = given().get("/clients/acme/contracts/" + CONTRACT + "/change-requests/" + REQUEST);
        String token = csrfToken(form.asString());
        given().redirects().follow(false).cookie("csrf-token", form.cookie("csrf-token"))
                .formParam("csrf-token", token).formParam("version", "3").formParam("comment", "fine")
                .post("/clients/acme/contracts/" + CONTRACT + "/change-requests/" + REQUEST + "/approve")
                .then().statusCode(303).header("Location", containsString("/clients/acme/contracts/" + CONTRACT));
        GatewayMock.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/clients/acme/contracts/" + CONTRACT
                + "/change-requests/" + REQUEST + "/approve")).withHeader("If-Match", equalTo("\"3\""))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void aDecisionWithoutTheCsrfTokenIsRefusedBeforeTheGatewayIsCalled() {
        given().redirects().follow(false).formParam("version", "3")
                .post("/clients/acme/contracts/" + CONTRACT + "/change-requests/" + REQUEST + "/approve")
                .then().statusCode(400);
        assertEquals(0, GatewayMock.server.findAll(postRequestedFor(urlPathMatching("/api/v1/.*"))).size());
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void aDecisionTheGatewayFindsStaleShowsTheConflictPage() {
        GatewayMock.server.stubFor(post(urlPathMatching("/api/v1/.*/reject")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"detail\":\"Your side has already decided\"}")));
        Response form = given().get("/clients/acme/contracts/" + CONTRACT + "/change-requests/" + REQUEST);
        given().redirects().follow(false).cookie("csrf-token", form.cookie("csrf-token"))
                .formParam("csrf-token", csrfToken(form.asString())).formParam("version", "3")
                .post("/clients/acme/contracts/" + CONTRACT + "/change-requests/" + REQUEST + "/reject")
                .then().statusCode(409).body(allOf(containsString("Already decided or closed"),
                        containsString("Your side has already decided")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void theMonthlyReviewPdfIsPassedThroughFromTheGateway() {
        GatewayMock.server.stubFor(get(urlEqualTo("/api/v1/clients/acme/reporting/contracts/" + CONTRACT
                + "/reports/2026-11")).withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.containing("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "inline; filename=\"review.pdf\"").withBody("%PDF-1.7 x")));
        given().get("/clients/acme/contracts/" + CONTRACT + "/reports/2026-11.pdf").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("review.pdf"))
                .body(containsString("%PDF-1.7"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "account-manager")
    @OidcSecurity
    void anAccountManagerProposesAChangeAndSeesTheRefusedFieldsAtTheirPath() {
        String raise = "/api/v1/clients/acme/contracts/" + CONTRACT + "/change-requests";
        Response form = given().get("/clients/acme/contracts/" + CONTRACT + "/change-requests/new");
        form.then().statusCode(200).body(allOf(containsString("Abandoned calls"), containsString("id=\"raise\"")));
        String token = csrfToken(form.asString());
        given().cookie("csrf-token", form.cookie("csrf-token")).formParam("csrf-token", token)
                .formParam("reason", "x").formParam("effectiveFrom", "2026-12-07").formParam("terms", "{\n  \"slas\": [")
                .post("/clients/acme/contracts/" + CONTRACT + "/change-requests/new")
                .then().statusCode(400).body(containsString("terms: not JSON (line 2"));
        GatewayMock.server.stubFor(post(urlPathEqualTo(raise)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"title":"Invalid request","errors":[{"field":"terms.slas[1].target",
                         "reason":"must be between 0 and 100"}]}""")));
        given().cookie("csrf-token", form.cookie("csrf-token")).formParam("csrf-token", token)
                .formParam("reason", "Lower target").formParam("effectiveFrom", "2026-12-07")
                .formParam("terms", Stubs.TERMS.replace("\"target\":5,", "\"target\":500,"))
                .post("/clients/acme/contracts/" + CONTRACT + "/change-requests/new")
                .then().statusCode(400).body(allOf(containsString("terms.slas[1].target: must be between 0 and 100"),
                        containsString("Lower target"), containsString("&quot;target&quot;:500")));
        GatewayMock.server.stubFor(post(urlPathEqualTo(raise)).willReturn(okJson("{\"id\":\"" + REQUEST + "\"}")
                .withStatus(201)));
        given().redirects().follow(false).cookie("csrf-token", form.cookie("csrf-token")).formParam("csrf-token", token)
                .formParam("reason", "Lower target").formParam("effectiveFrom", "2026-12-07")
                .formParam("terms", Stubs.TERMS)
                .post("/clients/acme/contracts/" + CONTRACT + "/change-requests/new")
                .then().statusCode(303).header("Location", containsString("/change-requests/" + REQUEST));
        GatewayMock.server.verify(postRequestedFor(urlPathEqualTo(raise)).withHeader("Idempotency-Key", matching(".+"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.reason",
                        equalTo("Lower target"))));
    }

    @Test
    @TestSecurity(user = "grace", roles = "client-viewer")
    @OidcSecurity
    void aViewerCannotProposeAChange() {
        given().get("/clients/acme/contracts/" + CONTRACT + "/change-requests/new").then().statusCode(403);
        given().get("/clients/acme/contracts/" + CONTRACT).then().statusCode(200)
                .body(not(containsString("id=\"propose\"")));
    }

    @Test
    void anonymousVisitorsGetNoPage() {
        given().redirects().follow(false).get("/clients/acme").then().statusCode(401);
        assertEquals(0, GatewayMock.server.getAllServeEvents().size());
    }

    static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the form:\n" + html);
        }
        return m.group(1);
    }
}

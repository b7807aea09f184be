package io.bpo.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where each role lands, and the account manager's, auditor's and provider admin's own pages. */
@QuarkusTest
@WithTestResource(value = GatewayMock.class, scope = TestResourceScope.GLOBAL)
class RolePagesTest {

    @BeforeEach
    void gateway() {
        GatewayMock.server.resetAll();
        Stubs.acme(GatewayMock.server);
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void aClientManagerLandsOnTheirClientsHome() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/clients/acme"));
    }

    @Test
    @TestSecurity(user = "dave", roles = "agent")
    @OidcSecurity
    void anAgentLandsOnTheKnowledgeSearch() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/clients/acme/knowledge"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "account-manager")
    @OidcSecurity
    void anAccountManagerLandsOnThePortfolioWithCompliancePerClient() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/portfolio"));
        GatewayMock.server.stubFor(get(urlPathEqualTo("/api/v1/reporting/portfolio")).willReturn(okJson("""
                {"month":"2026-12","complete":false,
                 "clients":[{"clientId":"acme","status":"OK","contracts":[{"contractId":"%s","reference":"ACME-BPO-2026-01",
                   "title":"Customer service","contractStatus":"ACTIVE","status":"BREACHED","slas":3,"breaches":1,
                   "totalCredit":4410.00,"totalBonus":0.00,"currency":"EUR","statement":"NONE"}]},
                  {"clientId":"globex","status":"UNAVAILABLE","contracts":[]}],
                 "totals":[{"currency":"EUR","contracts":1,"breaches":1,"totalCredit":4410.00,"totalBonus":0.00}]}"""
                .formatted(Stubs.C))));
        given().queryParam("month", "2026-12").get("/portfolio").then().statusCode(200)
                .body(allOf(containsString("Portfolio in December 2026"), containsString("ACME-BPO-2026-01"),
                        containsString("badge BREACHED"), containsString("€4,410.00"),
                        containsString("unavailable right now"), containsString("could not be read")));
        GatewayMock.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/reporting/portfolio"))
                .withQueryParam("month", equalTo("2026-12")));
    }

    @Test
    @TestSecurity(user = "erin", roles = "auditor")
    @OidcSecurity
    void anAuditorFiltersTheAccessLogAndSeesABrokenChain() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/audit"));
        GatewayMock.server.stubFor(get(urlPathEqualTo("/api/v1/audit/access-log")).willReturn(okJson("""
                {"items":[{"id":"00000000-0000-4000-8000-000000000009","occurredAt":"2026-12-07T09:00:00Z",
                  "requestId":"r-9","subject":"s","username":"alice","roles":["client-manager"],"clientId":"globex",
                  "service":"contracts","method":"GET","path":"/api/v1/clients/globex/contracts","status":403,
                  "outcome":"DENIED_TENANT","reason":"client not among the token's tenants"}],"nextCursor":"abc"}""")));
        given().queryParam("outcome", "DENIED_TENANT").queryParam("from", "2026-12-01").get("/audit")
                .then().statusCode(200).body(allOf(containsString("DENIED_TENANT"),
                        containsString("client not among the token"), containsString("cursor=abc")));
        GatewayMock.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/audit/access-log"))
                .withQueryParam("outcome", equalTo("DENIED_TENANT"))
                .withQueryParam("from", equalTo("2026-12-01T00:00:00Z")));
        GatewayMock.server.stubFor(get(urlPathEqualTo("/api/v1/audit/access-log/verify")).willReturn(okJson("""
                {"chains":[{"chain":"acme","entries":120,"valid":true,"firstBrokenSeq":null,"reason":null,"checkpoints":2},
                  {"chain":"globex","entries":80,"valid":false,"firstBrokenSeq":41,"reason":"hash mismatch",
                   "checkpoints":1}],"unchained":0}""")));
        given().get("/audit/verify").then().statusCode(200)
                .body(allOf(containsString("1 chain(s) broken"), containsString("41 (hash mismatch)")));
    }

    @Test
    @TestSecurity(user = "erin", roles = "auditor")
    @OidcSecurity
    void anAuditorHasNoClientPages() {
        given().get("/portfolio").then().statusCode(403).body(containsString("Access refused"));
    }

    @Test
    @TestSecurity(user = "frank", roles = "provider-admin")
    @OidcSecurity
    void aProviderAdminSeesTheClientRegistry() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/admin/clients"));
        given().get("/admin/clients").then().statusCode(200)
                .body(allOf(containsString("Client registry"), containsString("Acme Assurances SA")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void theGatewayDownShowsAnUnavailablePage() {
        GatewayMock.server.stubFor(get(urlPathEqualTo("/api/v1/clients/acme"))
                .willReturn(aResponse().withStatus(503).withBody("")));
        given().get("/clients/acme").then().statusCode(503).body(containsString("Service unavailable"));
    }

    @Test
    void theLanguageSwitchIsRememberedAndNeverLeavesTheSite() {
        given().redirects().follow(false).queryParam("l", "fr").queryParam("back", "/clients/acme")
                .get("/lang").then().statusCode(303).header("Location", endsWith("/clients/acme"))
                .cookie("bpo-lang", "fr");
        given().redirects().follow(false).queryParam("l", "fr").queryParam("back", "//evil.example/")
                .get("/lang").then().statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void htmxIsServedByThePortalItself() {
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200).body(containsString("htmx"));
        given().get("/static/portal.css").then().statusCode(200);
    }
}

package io.bpo.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Knowledge search, reading and acknowledging, as an agent and as a client manager. */
@QuarkusTest
@WithTestResource(value = GatewayMock.class, scope = TestResourceScope.GLOBAL)
class KnowledgePagesTest {
    static final String ARTICLE = "5b1c2b9e-8a51-4c2e-9a44-0f3a8d7b6c23";
    static final String K = "/api/v1/clients/acme/knowledge";

    @BeforeEach
    void gateway() {
        GatewayMock.server.resetAll();
        Stubs.acme(GatewayMock.server);
        GatewayMock.server.stubFor(get(urlPathEqualTo(K + "/search")).willReturn(okJson("""
                {"items":[{"id":"%s","type":"PROCEDURE","title":"Dépannage électrique","language":"fr",
                  "tags":["depannage"],"classification":"INTERNAL","status":"PUBLISHED","publishedVersion":1,"rank":0.6,
                  "snippet":"Vérifier le disjoncteur <mark>électrique</mark> &lt;b&gt;"}],"page":1,"size":10,"hasMore":false}"""
                .formatted(ARTICLE))));
        GatewayMock.server.stubFor(get(urlPathEqualTo(K + "/articles/" + ARTICLE)).willReturn(okJson("""
                {"id":"%s","clientId":"acme","type":"PROCEDURE","title":"Dépannage électrique",
                 "body":"## Étapes\\n\\n1. Vérifier le disjoncteur.\\n\\n<script>alert(1)</script>\\n\\n[x](javascript:alert(2))",
                 "language":"fr","tags":["depannage"],"classification":"INTERNAL","status":"PUBLISHED",
                 "publishedAt":"2026-12-07T08:00:00Z","publishedVersion":1,"version":3}""".formatted(ARTICLE))));
        GatewayMock.server.stubFor(get(urlPathEqualTo(K + "/acknowledgements/pending")).willReturn(okJson("""
                [{"articleId":"%s","title":"Dépannage électrique","currentVersion":1,"baselineVersion":1,
                  "acknowledged":0,"coverage":0.0}]""".formatted(ARTICLE))));
        GatewayMock.server.stubFor(get(urlPathEqualTo(K + "/articles")).willReturn(okJson(
                "{\"items\":[],\"nextCursor\":null}")));
    }

    @Test
    @TestSecurity(user = "dave", roles = "agent")
    @OidcSecurity
    void anAgentsSearchShowsHighlightedSnippetsAndThePendingAcknowledgements() {
        given().queryParam("q", "electrique").get("/clients/acme/knowledge").then().statusCode(200)
                .body(allOf(containsString("<mark>électrique</mark>"), containsString("&lt;b&gt;"),
                        containsString("/clients/acme/knowledge/articles/" + ARTICLE),
                        containsString("Awaiting your acknowledgement")));
        GatewayMock.server.verify(getRequestedFor(urlPathEqualTo(K + "/search")).withQueryParam("q", equalTo("electrique")));
    }

    @Test
    @TestSecurity(user = "dave", roles = "agent")
    @OidcSecurity
    void typingInTheSearchBoxGetsOnlyTheResults() {
        given().header("HX-Request", "true").queryParam("q", "electrique").get("/clients/acme/knowledge")
                .then().statusCode(200)
                .body(allOf(containsString("<mark>électrique</mark>"), not(containsString("<html")),
                        not(containsString("Awaiting your acknowledgement"))));
    }

    @Test
    @TestSecurity(user = "dave", roles = "agent")
    @OidcSecurity
    void anArticleIsRenderedWithoutTheScriptsItsAuthorWroteAndOffersTheAcknowledgement() {
        given().get("/clients/acme/knowledge/articles/" + ARTICLE).then().statusCode(200)
                .body(allOf(containsString("<h2>Étapes</h2>"), containsString("&lt;script&gt;"),
                        not(containsString("<script>alert")), not(containsString("javascript:")),
                        containsString("id=\"acknowledge\""), containsString("lang=\"fr\"")));
    }

    @Test
    @TestSecurity(user = "dave", roles = "agent")
    @OidcSecurity
    void acknowledgingPostsToTheGatewayAndShowsItIsRecorded() {
        GatewayMock.server.stubFor(post(urlPathEqualTo(K + "/articles/" + ARTICLE + "/acknowledgements"))
                .willReturn(okJson("{}").withStatus(201)));
        Response form = given().get("/clients/acme/knowledge/articles/" + ARTICLE);
        given().redirects().follow(false).cookie("csrf-token", form.cookie("csrf-token"))
                .formParam("csrf-token", ClientPagesTest.csrfToken(form.asString()))
                .post("/clients/acme/knowledge/articles/" + ARTICLE + "/acknowledge")
                .then().statusCode(303).header("Location", containsString("acknowledged=1"));
        GatewayMock.server.verify(postRequestedFor(urlPathEqualTo(K + "/articles/" + ARTICLE + "/acknowledgements")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "client-manager")
    @OidcSecurity
    void aClientManagerReadsButHasNothingToAcknowledge() {
        given().get("/clients/acme/knowledge/articles/" + ARTICLE).then().statusCode(200)
                .body(allOf(containsString("Dépannage électrique"), not(containsString("id=\"acknowledge\""))));
        given().redirects().follow(false).post("/clients/acme/knowledge/articles/" + ARTICLE + "/acknowledge")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400),
                        org.hamcrest.Matchers.is(403)));
    }
}

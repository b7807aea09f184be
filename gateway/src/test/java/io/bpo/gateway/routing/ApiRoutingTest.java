package io.bpo.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.ChunkedUpload;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ApiRoutingTest {

    static final String CLIENT = "acme-routing";
    static final String SUBJECT = "routing-user";
    static final String TOKEN = Tokens.of(SUBJECT, List.of("client-manager"), List.of(CLIENT));

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "bpo.gateway.routes.contracts.url")
    String contractsUrl;

    @TestHTTPResource("/")
    URI gateway;

    static String newRequestId() {
        return "routing-" + UUID.randomUUID();
    }

    @Test
    void contractsPathsGoToContractsService() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts/c-1/versions")
                .then().statusCode(200)
                .body("service", equalTo("contracts"))
                .body("path", equalTo("/api/v1/clients/" + CLIENT + "/contracts/c-1/versions"));
    }

    @Test
    void knowledgePathsGoToKnowledgeService() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/knowledge/articles")
                .then().statusCode(200)
                .body("service", equalTo("knowledge"))
                .body("path", equalTo("/api/v1/clients/" + CLIENT + "/knowledge/articles"));
    }

    @Test
    void reportingPathsGoToReportingService() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/reporting")
                .then().statusCode(200)
                .body("service", equalTo("reporting"));
    }

    @Test
    void webhooksOfAClientGoToNotificationsService() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/webhooks/w-1/deliveries")
                .then().statusCode(200)
                .body("service", equalTo("notifications"))
                .body("path", equalTo("/api/v1/clients/" + CLIENT + "/webhooks/w-1/deliveries"));
    }

    @Test
    void webhooksOfAnotherClientAreDeniedAtTheGateway() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/other-client/webhooks")
                .then().statusCode(403);
    }

    @Test
    void myNotificationsGoToNotificationsService() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/me/notifications?unread=true")
                .then().statusCode(200)
                .body("service", equalTo("notifications"));
        given().auth().oauth2(TOKEN)
                .when().put("/api/v1/me/notification-preferences")
                .then().statusCode(200)
                .body("service", equalTo("notifications"));
    }

    @Test
    void otherResourcesOfMineAreNotFound() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/me/secrets")
                .then().statusCode(404);
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/notifications")
                .then().statusCode(404);
    }

    @Test
    void clientResourceItselfGoesToContractsService() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT)
                .then().statusCode(200)
                .body("service", equalTo("contracts"))
                .body("path", equalTo("/api/v1/clients/" + CLIENT));
    }

    @Test
    void clientsListGoesToContractsWithoutTenantCheckAndIsLoggedWithoutClient() {
        String requestId = newRequestId();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients")
                .then().statusCode(200)
                .body("service", equalTo("contracts"));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals(null, entry.get("client_id"));
        assertEquals("ALLOWED", entry.get("outcome"));
        assertEquals("contracts", entry.get("service"));
    }

    @Test
    void clientCreationIsForwardedWithItsBody() {
        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"id\":\"new-client\"}")
                .when().post("/api/v1/clients")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(19))
                .body("headers.content-type[0]", equalTo("application/json"));
    }

    @Test
    void unknownSegmentAfterClientIdIsNotFoundAndLogged() {
        String requestId = newRequestId();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/billing/invoices")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/not-found"))
                .body("instance", equalTo("/api/v1/clients/" + CLIENT + "/billing/invoices"))
                .body("requestId", equalTo(requestId));

        assertEquals("REJECTED_NOT_FOUND", AccessLogRows.single(dataSource, requestId).get("outcome"));
        assertEquals(0, receivedByContracts(requestId));
    }

    @Test
    void malformedClientIdIsNotFound() {
        for (String clientId : List.of("ACME", "a", "-acme", "acme_1", "acme%2Fother", "acme;x=1")) {
            given().auth().oauth2(TOKEN).urlEncodingEnabled(false)
                    .when().get("/api/v1/clients/" + clientId + "/contracts")
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
    }

    @Test
    void unknownApiResourceIsNotFoundProblem() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/invoices")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void dotSegmentsCannotEscapeTheCheckedClient() {
        given().auth().oauth2(TOKEN).urlEncodingEnabled(false)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts/../../globex-routing/contracts")
                .then().statusCode(403)
                .body("type", equalTo("https://bpo.example/problems/tenant-forbidden"));
    }

    @Test
    void queryStringIsForwardedUnchanged() {
        given().auth().oauth2(TOKEN).urlEncodingEnabled(false)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts?status=ACTIVE&sort=-start&q=a%20b")
                .then().statusCode(200)
                .body("query", equalTo("status=ACTIVE&sort=-start&q=a%20b"));
    }

    @Test
    void generatedRequestIdIsSentToServiceAndEchoed() {
        Response response = given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts");
        String echoed = response.header("X-Request-Id");
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.x-request-id[0]", equalTo(echoed));
    }

    @Test
    void incomingRequestIdIsKeptEndToEnd() {
        String requestId = "client-chosen:id_1.2-3";
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo(requestId))
                .body("headers.x-request-id", equalTo(List.of(requestId)));
    }

    @Test
    void unsafeIncomingRequestIdIsReplaced() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "bad id with spaces\u00e9")
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void requestIdIsReturnedOnErrorsToo() {
        String requestId = newRequestId();
        given().header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(401)
                .header("X-Request-Id", equalTo(requestId))
                .body("requestId", equalTo(requestId));
    }

    @Test
    void authorizationAndAllowedHeadersAreForwarded() {
        given().auth().oauth2(TOKEN)
                .header("If-Match", "\"7\"")
                .header("Idempotency-Key", "key-1")
                .header("Accept", "application/json")
                .contentType("application/json")
                .body("{}")
                .when().put("/api/v1/clients/" + CLIENT + "/contracts/c-1")
                .then().statusCode(200)
                .body("headers.authorization[0]", equalTo("Bearer " + TOKEN))
                .body("headers.if-match[0]", equalTo("\"7\""))
                .body("headers.idempotency-key[0]", equalTo("key-1"))
                .body("headers.accept[0]", equalTo("application/json"));
    }

    @Test
    void forwardedHeadersAreSetByTheGatewayNotTakenFromTheCaller() {
        given().auth().oauth2(TOKEN)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Tenant", "globex")
                .header("Cookie", "session=secret")
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo(List.of("127.0.0.1")))
                .body("headers.x-forwarded-proto[0]", equalTo("http"))
                .body("headers.x-forwarded-host[0]", matchesPattern("localhost:[0-9]+"))
                .body("headers.x-tenant", nullValue())
                .body("headers.cookie", nullValue());
    }

    @Test
    void hopByHopResponseHeadersAreDropped() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts?fake-hop=true")
                .then().statusCode(200)
                .header("X-Service-Header", equalTo("kept"))
                .header("X-Hop-Secret", nullValue())
                .header("Keep-Alive", nullValue());
    }

    @Test
    void serviceStatusAndBodyAreRelayed() {
        String requestId = newRequestId();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts/missing?fake-status=404")
                .then().statusCode(404)
                .header("X-Request-Id", equalTo(requestId))
                .body("service", equalTo("contracts"));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals(404, ((Number) entry.get("status")).intValue());
        assertEquals("ALLOWED", entry.get("outcome"));
    }

    @Test
    void largeUploadIsStreamedToTheService() {
        byte[] body = new byte[60 * 1024];
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(body)
                .when().post("/api/v1/clients/" + CLIENT + "/knowledge/attachments")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(body.length));
    }

    @Test
    void chunkedUploadIsStreamedToTheService() {
        byte[] body = new byte[40 * 1024];
        HttpResponse<String> response = ChunkedUpload.post(
                URI.create(gateway + "api/v1/clients/" + CLIENT + "/knowledge/attachments"), TOKEN, body);

        assertEquals(200, response.statusCode());
        JsonPath echo = JsonPath.from(response.body());
        assertEquals(body.length, echo.getInt("bodyBytes"));
        assertEquals(List.of("chunked"), echo.getList("headers.transfer-encoding"));
    }

    @Test
    void largeDownloadIsStreamedToTheClient() {
        int size = 5 * 1024 * 1024 + 3;
        byte[] body = given().auth().oauth2(TOKEN)
                .when().get("/api/v1/clients/" + CLIENT + "/reporting/exports/big?fake-bytes=" + size)
                .then().statusCode(200)
                .header("Content-Type", equalTo("application/octet-stream"))
                .extract().asByteArray();
        assertEquals(size, body.length);
    }

    private int receivedByContracts(String requestId) {
        return given().baseUri(contractsUrl).port(-1).queryParam("requestId", requestId)
                .when().get("/__received")
                .then().statusCode(200)
                .extract().path("count");
    }
}

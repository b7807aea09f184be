package io.bpo.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A read a service could not answer for a passing reason (its database dropped the connection under it, or the
 * pooled connection to it was closed) is sent once more, and the client gets the second answer; a write never is.
 */
@QuarkusTest
class SafeRetryTest {

    static final String CLIENT = "acme-retry";
    static final String TOKEN = Tokens.of("retry-user", List.of("client-manager"), List.of(CLIENT));

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "bpo.gateway.routes.contracts.url")
    String contractsUrl;

    @Test
    void readAnsweredServiceUnavailableOnceIsSentAgainAndLoggedOnceWithTheFinalStatus() {
        String requestId = "retry-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts?fake-unavailable-once=true")
                .then().statusCode(200).body("service", equalTo("contracts"));

        assertEquals(2, received(requestId));
        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals(200, ((Number) entry.get("status")).intValue());
    }

    @Test
    void readWhoseConnectionClosedBeforeAnAnswerIsSentAgain() {
        String requestId = "retry-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts?fake-close-once=true")
                .then().statusCode(200);

        assertEquals(2, received(requestId));
        assertEquals(200, ((Number) AccessLogRows.single(dataSource, requestId).get("status")).intValue());
    }

    @Test
    void writeAnsweredServiceUnavailableIsRelayedNotRepeated() {
        String requestId = "retry-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId).contentType("application/json").body("{}")
                .when().post("/api/v1/clients/" + CLIENT + "/contracts?fake-unavailable-once=true")
                .then().statusCode(503).header("Retry-After", "5")
                .body("type", equalTo("https://bpo.example/problems/database-unavailable"));

        assertEquals(1, received(requestId));
    }

    @Test
    void serviceThatStaysAwayIsServiceUnavailableWithRetryAfter() {
        String requestId = "retry-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts?fake-status=503")
                .then().statusCode(503);
        // answered 503 without Retry-After by the fake: relayed as it is, not sent again
        assertEquals(1, received(requestId));
    }

    private int received(String requestId) {
        return given().baseUri(contractsUrl).port(-1).queryParam("requestId", requestId)
                .when().get("/__received").then().extract().path("count");
    }
}

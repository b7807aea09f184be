package io.bpo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AuthenticationTest {

    static final String CLIENT = "acme-auth";
    static final String PATH = "/api/v1/clients/" + CLIENT + "/contracts";
    static final List<String> ROLES = List.of("client-manager");

    @Inject
    DataSource dataSource;

    @Test
    void missingTokenIsUnauthorizedProblemAndLogged() {
        String requestId = "auth-" + UUID.randomUUID();
        expectUnauthorized(given().header("X-Request-Id", requestId).when().get(PATH).then(), requestId)
                .header("WWW-Authenticate", equalTo("Bearer"));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("DENIED_UNAUTHENTICATED", entry.get("outcome"));
        assertEquals(401, ((Number) entry.get("status")).intValue());
        assertNull(entry.get("subject"));
        assertEquals(CLIENT, entry.get("client_id"));
        assertEquals("contracts", entry.get("service"));
        assertEquals("no bearer token", entry.get("reason"));
    }

    @Test
    void garbageTokenIsUnauthorizedAndLogged() {
        String requestId = "auth-" + UUID.randomUUID();
        expectUnauthorized(given().header("X-Request-Id", requestId).auth().oauth2("not.a.jwt")
                .when().get(PATH).then(), requestId)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .body("detail", containsString("not a signed JWT"));

        assertEquals("DENIED_UNAUTHENTICATED", AccessLogRows.single(dataSource, requestId).get("outcome"));
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() {
        String requestId = "auth-" + UUID.randomUUID();
        String forged = Tokens.signedByStranger("auth-forger", ROLES, List.of(CLIENT));
        expectUnauthorized(given().header("X-Request-Id", requestId).auth().oauth2(forged)
                .when().get(PATH).then(), requestId);

        assertEquals("invalid token: signature", AccessLogRows.single(dataSource, requestId).get("reason"));
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String requestId = "auth-" + UUID.randomUUID();
        String expired = Tokens.expired("auth-late", ROLES, List.of(CLIENT));
        expectUnauthorized(given().header("X-Request-Id", requestId).auth().oauth2(expired)
                .when().get(PATH).then(), requestId)
                .body("detail", containsString("expired at"))
                .header("WWW-Authenticate", containsString("error_description=\"The bearer token expired at"));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("DENIED_UNAUTHENTICATED", entry.get("outcome"));
        assertEquals("invalid token: expired", entry.get("reason"));
    }

    @Test
    void tokenFromAnotherIssuerSaysWhichIssuerWasExpected() {
        String requestId = "auth-" + UUID.randomUUID();
        String elsewhere = Tokens.fromIssuer("http://127.0.0.1:8180/realms/bpo", "auth-ip", ROLES, List.of(CLIENT));
        expectUnauthorized(given().header("X-Request-Id", requestId).auth().oauth2(elsewhere)
                .when().get(PATH).then(), requestId)
                .body("detail", containsString("'http://127.0.0.1:8180/realms/bpo'"))
                .body("detail", containsString("'" + Tokens.ISSUER + "'"));
        assertEquals("invalid token: issuer", AccessLogRows.single(dataSource, requestId).get("reason"));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        String requestId = "auth-" + UUID.randomUUID();
        String elsewhere = Tokens.forAudience("other-api", "auth-elsewhere", ROLES, List.of(CLIENT));
        expectUnauthorized(given().header("X-Request-Id", requestId).auth().oauth2(elsewhere)
                .when().get(PATH).then(), requestId)
                .body("detail", containsString("audience 'bpo-api'"));
        assertEquals("invalid token: audience", AccessLogRows.single(dataSource, requestId).get("reason"));
    }

    @Test
    void unauthenticatedAccessLogReadIsUnauthorizedAndLogged() {
        String requestId = "auth-" + UUID.randomUUID();
        expectUnauthorized(given().header("X-Request-Id", requestId)
                .when().get("/api/v1/audit/access-log").then(), requestId);

        assertEquals("DENIED_UNAUTHENTICATED", AccessLogRows.single(dataSource, requestId).get("outcome"));
    }

    @Test
    void validTokenIsAccepted() {
        given().auth().oauth2(Tokens.of("auth-ok", ROLES, List.of(CLIENT)))
                .when().get(PATH)
                .then().statusCode(200);
    }

    private static ValidatableResponse expectUnauthorized(ValidatableResponse response, String requestId) {
        return response.statusCode(401)
                .contentType("application/problem+json")
                .header("X-Request-Id", equalTo(requestId))
                .body("type", equalTo("https://bpo.example/problems/unauthenticated"))
                .body("title", equalTo("Authentication required"))
                .body("status", equalTo(401))
                .body("requestId", equalTo(requestId));
    }
}

package io.bpo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.FakeServicesResource;
import io.bpo.gateway.support.Tokens;
import io.bpo.gateway.support.Waits;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The revocation view (decision 0033) against a fake people-service feed that the gateway polls every 200 ms: a
 * valid token, even one the gateway verified and cached before, is refused once the feed names its person or its
 * client, and the refusal is logged.
 */
@QuarkusTest
class RevocationTest {

    static final String CLIENT = "revoc-acme";
    static final String OTHER = "revoc-globex";
    static final Duration WITHIN = Duration.ofSeconds(5);

    @Inject
    DataSource dataSource;

    @AfterEach
    void clearFeed() {
        FakeServicesResource.clearRevocations();
    }

    @Test
    void aCachedTokenOfARevokedPersonIsRefusedAndLogged() {
        String token = Tokens.of("revoc-dave", List.of("client-viewer"), List.of(CLIENT));
        given().auth().oauth2(token).when().get("/api/v1/clients/" + CLIENT + "/contracts").then().statusCode(200);

        FakeServicesResource.revocationFeed(List.of(), Map.of("revoc-dave", Instant.now().plusSeconds(1)));
        Waits.until(WITHIN, () -> status(token, "/api/v1/clients/" + CLIENT + "/contracts") == 401,
                () -> "the revoked person's token still passes");

        String requestId = "revoc-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/token-revoked"));
        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("DENIED_UNAUTHENTICATED", entry.get("outcome"));
        assertEquals("token revoked", entry.get("reason"));
    }

    @Test
    void aTokenIssuedAfterTheRevocationPasses() {
        String token = Tokens.of("revoc-erin", List.of("client-viewer"), List.of(CLIENT));
        FakeServicesResource.revocationFeed(List.of(), Map.of("revoc-erin", Instant.now().minusSeconds(30),
                "revoc-other", Instant.now().plusSeconds(60)));
        Waits.until(WITHIN, () -> status(Tokens.of("revoc-other", List.of("client-viewer"), List.of(CLIENT)),
                "/api/v1/clients/" + CLIENT + "/contracts") == 401, () -> "the feed was not read");

        assertEquals(200, status(token, "/api/v1/clients/" + CLIENT + "/contracts"));
    }

    @Test
    void aSuspendedClientRefusesItsPeopleEverywhereButNotOtherClientsOrProviderAdmins() {
        String member = Tokens.of("revoc-alice", List.of("client-manager"), List.of(CLIENT));
        String staff = Tokens.of("revoc-carol", List.of("account-manager"), List.of(CLIENT, OTHER));
        String admin = Tokens.of("revoc-frank", List.of("provider-admin"), List.of());
        String auditor = Tokens.of("revoc-ivan", List.of("auditor", "platform-auditor"), List.of());
        FakeServicesResource.revocationFeed(List.of(CLIENT), Map.of());
        Waits.until(WITHIN, () -> status(member, "/api/v1/clients/" + CLIENT + "/contracts") == 403,
                () -> "the suspended client's manager still passes");

        String requestId = "revoc-" + UUID.randomUUID();
        given().auth().oauth2(member).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/knowledge/articles")
                .then().statusCode(403).body("type", equalTo("https://bpo.example/problems/client-suspended"));
        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("DENIED_TENANT", entry.get("outcome"));
        assertEquals("client suspended", entry.get("reason"));
        assertEquals(CLIENT, entry.get("client_id"));

        // a token whose only client is suspended is refused on routes without a client id too
        assertEquals(403, status(member, "/api/v1/reporting/portfolio"));
        // staff of several clients: the suspended one refused, the others not
        assertEquals(403, status(staff, "/api/v1/clients/" + CLIENT + "/contracts"));
        assertEquals(200, status(staff, "/api/v1/clients/" + OTHER + "/contracts"));
        // the provider administrator resumes or offboards it, and auditors still read the log
        assertEquals(200, status(admin, "/api/v1/admin/clients/" + CLIENT));
        assertEquals(200, status(auditor, "/api/v1/audit/access-log?clientId=" + CLIENT));
    }

    private static int status(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().extract().statusCode();
    }
}

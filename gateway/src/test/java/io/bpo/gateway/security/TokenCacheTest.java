package io.bpo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.bpo.gateway.support.Waits;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** A token verified once is trusted again only while it is valid, and only in exactly the same bytes. */
@QuarkusTest
class TokenCacheTest {

    static final String CLIENT = "acme-token-cache";
    static final String PATH = "/api/v1/clients/" + CLIENT + "/contracts";
    static final List<String> ROLES = List.of("client-manager");

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void secondUseOfATokenIsServedFromTheCacheWithTheSameIdentity() {
        String token = Tokens.of("cache-repeat-" + UUID.randomUUID(), ROLES, List.of(CLIENT));
        double hitsBefore = hits();
        String first = "cache-" + UUID.randomUUID();
        String second = "cache-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", first).when().get(PATH).then().statusCode(200);
        given().auth().oauth2(token).header("X-Request-Id", second).when().get(PATH).then().statusCode(200);

        assertEquals(hitsBefore + 1, hits(), "the second request reuses the first verification");
        // the access log attributes both requests to the same subject and client
        assertEquals(AccessLogRows.single(dataSource, first).get("subject"),
                AccessLogRows.single(dataSource, second).get("subject"));
        assertEquals("ALLOWED", AccessLogRows.single(dataSource, second).get("outcome"));
    }

    @Test
    void aCachedTokenIsStillRefusedAnotherClientAndTheRefusalLogged() {
        String token = Tokens.of("cache-tenant-" + UUID.randomUUID(), ROLES, List.of(CLIENT));
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);
        double hitsBefore = hits();

        String requestId = "cache-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/globex-token-cache/contracts")
                .then().statusCode(403).body("type", equalTo("https://bpo.example/problems/tenant-forbidden"));

        assertEquals(hitsBefore + 1, hits(), "answered from the cache, and the tenant check ran on it");
        assertEquals("DENIED_TENANT", AccessLogRows.single(dataSource, requestId).get("outcome"));
        assertEquals("globex-token-cache", AccessLogRows.single(dataSource, requestId).get("client_id"));
    }

    @Test
    void aCachedTokenStopsWorkingAtItsExpiry() {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = Tokens.expiringAt(expiry, "cache-expiring", ROLES, List.of(CLIENT));
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);

        Waits.until(Duration.ofSeconds(10), () -> Instant.now().isAfter(expiry.plusMillis(200)),
                () -> "the token to expire");
        String requestId = "cache-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", requestId).when().get(PATH)
                .then().statusCode(401).body("type", equalTo("https://bpo.example/problems/unauthenticated"));
        assertEquals("DENIED_UNAUTHENTICATED", AccessLogRows.single(dataSource, requestId).get("outcome"));
    }

    @Test
    void theSameClaimsUnderAForgedSignatureAreNotServedFromTheCache() {
        String subject = "cache-forged-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of(subject, ROLES, List.of(CLIENT))).when().get(PATH).then().statusCode(200);

        String forged = Tokens.signedByStranger(subject, ROLES, List.of(CLIENT));
        given().auth().oauth2(forged).when().get(PATH).then().statusCode(401);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        String forged = Tokens.signedByStranger("cache-refused", ROLES, List.of(CLIENT));
        double hitsBefore = hits();
        given().auth().oauth2(forged).when().get(PATH).then().statusCode(401);
        given().auth().oauth2(forged).when().get(PATH).then().statusCode(401);
        assertEquals(hitsBefore, hits());
    }

    @Test
    void theAuditApiSeesTheCachedIdentityWithItsRoles() {
        String auditor = Tokens.of("cache-auditor-" + UUID.randomUUID(), List.of("auditor", "platform-auditor"), List.of());
        given().auth().oauth2(auditor).when().get("/api/v1/audit/access-log?limit=1").then().statusCode(200);
        double hitsBefore = hits();
        given().auth().oauth2(auditor).when().get("/api/v1/audit/access-log?limit=1").then().statusCode(200);
        assertEquals(hitsBefore + 1, hits());

        String manager = Tokens.of("cache-not-auditor-" + UUID.randomUUID(), ROLES, List.of(CLIENT));
        given().auth().oauth2(manager).when().get("/api/v1/audit/access-log").then().statusCode(403);
        given().auth().oauth2(manager).when().get("/api/v1/audit/access-log").then().statusCode(403);
    }

    private double hits() {
        return registry.get("bpo.token.cache").tag("result", "hit").counter().count();
    }
}

package io.bpo.contracts.security;

import static io.bpo.contracts.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service verifies each bearer token once and reuses the verification while the token is valid (the
 * token-cache module): the role and tenant checks still run on every request, and an expired token is refused
 * even when it was verified before.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenCacheTest {
    static final String CLIENT = "tc-alpha";
    static final String OTHER = "tc-beta";

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void clients() {
        Api.onboard(CLIENT);
        Api.onboard(OTHER);
    }

    @Test
    void aRepeatedTokenIsVerifiedOnceAndStillCheckedForTenantAndRole() {
        String token = Tokens.token("tc-carol-" + System.nanoTime(), "account-manager", CLIENT);
        double hits = hits();
        as(token).get("/api/v1/clients/" + CLIENT).then().statusCode(200);
        as(token).get("/api/v1/clients/" + CLIENT).then().statusCode(200);
        assertEquals(hits + 1, hits(), "the second request reused the first verification");

        // the cached identity is the same identity: still not a member of the other client, still not an admin
        as(token).get("/api/v1/clients/" + OTHER).then().statusCode(403);
        as(token).body(Map.of("id", "tc-sneaky", "legalName", "Sneaky", "country", "FR"))
                .post("/api/v1/clients").then().statusCode(403);
        assertEquals(hits + 3, hits());
    }

    @Test
    void aVerifiedTokenIsRefusedOnceExpired() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = Tokens.expiringAt(expiry, "tc-short-lived", "account-manager", CLIENT);
        as(token).get("/api/v1/clients/" + CLIENT).then().statusCode(200);
        as(token).get("/api/v1/clients/" + CLIENT).then().statusCode(200);
        while (!Instant.now().isAfter(expiry.plusMillis(200))) {
            Thread.sleep(100);
        }
        as(token).get("/api/v1/clients/" + CLIENT).then().statusCode(401);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsRefused() {
        String genuine = Tokens.token("tc-dave", "client-viewer", CLIENT);
        as(genuine).get("/api/v1/clients/" + CLIENT).then().statusCode(200);
        as(Tokens.tampered("tc-dave", "client-viewer", CLIENT)).get("/api/v1/clients/" + CLIENT)
                .then().statusCode(401);
    }

    private double hits() {
        return registry.get("bpo.token.cache").tag("result", "hit").counter().count();
    }
}

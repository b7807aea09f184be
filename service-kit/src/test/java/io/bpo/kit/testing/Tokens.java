package io.bpo.kit.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like the bpo realm's (realm_access.roles, tenants, aud bpo-api), signed with the key of
 * quarkus-test-oidc-server, whose mock provider the services verify them against in the test profile.
 */
public final class Tokens {
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "bpo-api";
    private static final String KEY = "privateKey.jwk";

    private Tokens() {
    }

    public static String token(String user, String role, String... tenants) {
        return claims(user, List.of(role), List.of(tenants)).jws().keyId("1").sign(KEY);
    }

    public static String withRoles(String user, List<String> roles, List<String> tenants) {
        return claims(user, roles, tenants).jws().keyId("1").sign(KEY);
    }

    public static String expired(String user, String role, String... tenants) {
        return claims(user, List.of(role), List.of(tenants))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1").sign(KEY);
    }

    /** A valid token that expires at the given instant. */
    public static String expiringAt(Instant expiresAt, String user, String role, String... tenants) {
        return claims(user, List.of(role), List.of(tenants)).expiresAt(expiresAt).jws().keyId("1").sign(KEY);
    }

    public static String forAudience(String audience, String user, String role, String... tenants) {
        return claims(user, List.of(role), List.of(tenants)).audience(audience).jws().keyId("1").sign(KEY);
    }

    /** A token whose payload was altered after signing: the signature no longer matches. */
    public static String tampered(String user, String role, String... tenants) {
        String[] genuine = token(user, role, tenants).split("\\.");
        String[] other = withRoles(user, List.of(role, "provider-admin"), List.of(tenants)).split("\\.");
        return genuine[0] + "." + other[1] + "." + genuine[2];
    }

    private static JwtClaimsBuilder claims(String user, List<String> roles, List<String> tenants) {
        return Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .preferredUserName(user)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", roles))
                .claim("tenants", tenants)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(900));
    }
}

package io.bpo.gateway.support;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Access tokens as Keycloak would issue them for realm bpo, signed with quarkus-test-oidc-server's key. */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "bpo-api";

    private Tokens() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String of(String subject, List<String> roles, List<String> tenants) {
        return claims(subject, roles, tenants).jws().keyId("1").sign("privateKey.jwk");
    }

    public static String expired(String subject, List<String> roles, List<String> tenants) {
        Instant now = Instant.now();
        return claims(subject, roles, tenants)
                .issuedAt(now.minusSeconds(3600))
                .expiresAt(now.minusSeconds(600))
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** A valid token that expires at the given instant. */
    public static String expiringAt(Instant expiresAt, String subject, List<String> roles, List<String> tenants) {
        return claims(subject, roles, tenants)
                .issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(expiresAt)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String forAudience(String audience, String subject, List<String> roles, List<String> tenants) {
        return claims(subject, roles, tenants).audience(audience).jws().keyId("1").sign("privateKey.jwk");
    }

    /** Signed with the right key, but naming another issuer (the identity provider reached at another address). */
    public static String fromIssuer(String issuer, String subject, List<String> roles, List<String> tenants) {
        return claims(subject, roles, tenants).issuer(issuer).jws().keyId("1").sign("privateKey.jwk");
    }

    /** Right shape and key id, wrong key: what a forger without the realm's private key can make. */
    public static String signedByStranger(String subject, List<String> roles, List<String> tenants) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey stranger = generator.generateKeyPair().getPrivate();
            return claims(subject, roles, tenants).jws().keyId("1").sign(stranger);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String subject, List<String> roles, List<String> tenants) {
        return Jwt.preferredUserName(subject + "-name")
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", roles))
                .claim("tenants", tenants);
    }
}

package io.bpo.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Why a bearer token that failed verification was refused, in words a caller can act on (expired, another issuer,
 * another audience, not a JWT, or a signature that does not verify). The claims are read WITHOUT trusting them:
 * the token is already refused; this only chooses the message, so that a token fetched from another address of
 * the identity provider (another issuer) is not reported as "invalid or expired".
 */
public record TokenRefusal(String code, String description) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The short reason kept in the access log, for example {@code invalid token: expired}. */
    public String logReason() {
        return "invalid token: " + code;
    }

    /** The {@code WWW-Authenticate} value (RFC 6750 section 3). */
    public String challenge() {
        return "Bearer error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\"";
    }

    public static TokenRefusal of(String authorization, String expectedIssuer, Optional<String> expectedAudience,
            Instant now) {
        JsonNode claims = claims(authorization);
        if (claims == null) {
            return new TokenRefusal("malformed", "The bearer token is not a signed JWT.");
        }
        JsonNode exp = claims.get("exp");
        if (exp != null && exp.canConvertToLong() && exp.asLong() <= now.getEpochSecond()) {
            return new TokenRefusal("expired", "The bearer token expired at " + Instant.ofEpochSecond(exp.asLong())
                    + "; get a new one.");
        }
        String issuer = claims.path("iss").asText("");
        if (expectedIssuer != null && !stripSlash(issuer).equals(stripSlash(expectedIssuer))) {
            return new TokenRefusal("issuer", "The bearer token was issued by '" + issuer + "', not by '"
                    + stripSlash(expectedIssuer) + "': ask that identity provider at its public address.");
        }
        if (expectedAudience.isPresent() && !hasAudience(claims.get("aud"), expectedAudience.get())) {
            return new TokenRefusal("audience", "The bearer token is not meant for this API (audience '"
                    + expectedAudience.get() + "' missing).");
        }
        return new TokenRefusal("signature", "The bearer token's signature does not verify with the identity "
                + "provider's keys.");
    }

    private static boolean hasAudience(JsonNode aud, String expected) {
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (expected.equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return expected.equals(aud.asText());
    }

    private static JsonNode claims(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? claims : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

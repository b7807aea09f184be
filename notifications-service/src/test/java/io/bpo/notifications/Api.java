package io.bpo.notifications;

import static io.restassured.RestAssured.given;

import io.bpo.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Arranges test data through the API itself, as the producing services and people would. */
public final class Api {
    public static final String PUBLISHER = Tokens.token("service-account-contracts-service", "event-publisher");

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A person's token with the e-mail claim the realm's tokens carry. */
    public static String person(String user, String role, String... tenants) {
        return Jwt.issuer(Tokens.ISSUER)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .preferredUserName(user)
                .audience(Tokens.AUDIENCE)
                .claim("email", user + "@example.test")
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("tenants", List.of(tenants))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(900))
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static Map<String, Object> event(UUID id, String tenant, String type, Map<String, Object> data) {
        return Map.of("id", id, "tenantId", tenant, "type", type, "subject", "s-" + id,
                "occurredAt", Instant.now().toString(), "data", data);
    }

    public static Map<String, Object> awaiting(String tenant, String reference, String... parties) {
        return event(UUID.randomUUID(), tenant, "change-request.awaiting-decision",
                Map.of("contractReference", reference, "raisedBy", "carol", "raisedByParty", "PROVIDER",
                        "effectiveFrom", "2026-07-01", "awaitingParties", List.of(parties),
                        "link", "/clients/" + tenant + "/contracts/x"));
    }

    public static void publish(Map<String, Object>... events) {
        as(PUBLISHER).body(Map.of("events", List.of(events))).post("/internal/v1/events").then().statusCode(200);
    }
}

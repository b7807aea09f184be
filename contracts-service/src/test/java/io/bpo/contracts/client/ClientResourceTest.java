package io.bpo.contracts.client;

import static io.bpo.contracts.Api.ADMIN;
import static io.bpo.contracts.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ClientResourceTest {
    static final String ALPHA = "cl-alpha";
    static final String BETA = "cl-beta";
    static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void clients() {
        Api.onboard(ALPHA);
        Api.onboard(BETA);
    }

    @Test
    void providerAdminOnboardsAClient() {
        as(ADMIN).body(Map.of("id", "cl-new", "legalName", "New Client SARL", "country", "MA", "sector", "Retail"))
                .post("/api/v1/clients")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/clients/cl-new"))
                .body("id", equalTo("cl-new")).body("status", equalTo("ACTIVE")).body("country", equalTo("MA"));
    }

    @Test
    void onboardingAnExistingIdConflicts() {
        as(ADMIN).body(Map.of("id", ALPHA, "legalName", "Again", "country", "FR"))
                .post("/api/v1/clients")
                .then().statusCode(409).contentType(PROBLEM).body("type", org.hamcrest.Matchers.endsWith("client-exists"));
    }

    @Test
    void onboardingIsForProviderAdminOnly() {
        as(Tokens.token("carol", "account-manager", ALPHA))
                .body(Map.of("id", "cl-sneaky", "legalName", "Sneaky", "country", "FR"))
                .post("/api/v1/clients")
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }

    @Test
    void onboardingWithoutTokenIsUnauthorized() {
        given().contentType("application/json").body(Map.of("id", "cl-anon", "legalName", "Anon", "country", "FR"))
                .post("/api/v1/clients")
                .then().statusCode(401).contentType(PROBLEM).body("title", equalTo("Unauthorized"));
    }

    @Test
    void invalidFieldsAreNamed() {
        as(ADMIN).body(Map.of("id", "Not A Slug", "legalName", "", "country", "XX"))
                .post("/api/v1/clients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("country", "id", "legalName"))
                .body("requestId", notNullValue());
    }

    @Test
    void listShowsExactlyTheClientsOfTheToken() {
        as(Tokens.token("alice", "client-manager", ALPHA))
                .get("/api/v1/clients")
                .then().statusCode(200).body("items.id", contains(ALPHA));
    }

    @Test
    void providerAdminListsEveryClient() {
        as(ADMIN).get("/api/v1/clients?limit=200")
                .then().statusCode(200).body("items.id", hasItems(ALPHA, BETA));
    }

    @Test
    void listPagesWithACursor() {
        String token = Tokens.withRoles("carol", java.util.List.of("account-manager"), java.util.List.of(ALPHA, BETA));
        String next = as(token).get("/api/v1/clients?limit=1")
                .then().statusCode(200).body("items.id", contains(ALPHA)).extract().path("nextCursor");
        as(token).queryParam("cursor", next).get("/api/v1/clients?limit=1")
                .then().statusCode(200).body("items.id", contains(BETA)).body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anotherClientIsForbidden() {
        as(Tokens.token("alice", "client-manager", ALPHA))
                .get("/api/v1/clients/" + BETA)
                .then().statusCode(403).contentType(PROBLEM).body("type", org.hamcrest.Matchers.endsWith("tenant-forbidden"));
    }

    @Test
    void ownClientIsReadable() {
        as(Tokens.token("alice", "client-viewer", ALPHA))
                .get("/api/v1/clients/" + ALPHA)
                .then().statusCode(200).body("legalName", equalTo(ALPHA + " SA"));
    }

    @Test
    void expiredTamperedAndForeignAudienceTokensAreRejected() {
        for (String token : new String[] {Tokens.expired("alice", "client-manager", ALPHA),
                Tokens.tampered("alice", "client-manager", ALPHA),
                Tokens.forAudience("another-api", "alice", "client-manager", ALPHA)}) {
            as(token).get("/api/v1/clients/" + ALPHA).then().statusCode(401).contentType(PROBLEM);
        }
    }
}

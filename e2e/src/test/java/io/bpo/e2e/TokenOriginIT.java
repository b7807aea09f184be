package io.bpo.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which tokens the gateway accepts, as the real identity provider issues them: the issuer does not depend on the
 * address used to reach Keycloak, a token minted for another client of the realm is refused (no bpo-api audience),
 * and the realm the project ships protects its passwords against brute force.
 */
class TokenOriginIT extends PlatformClient {

    @BeforeAll
    static void clientsExist() {
        ensureDemoClients();
    }

    private static String passwordGrant(String keycloakUrl, String clientId, String user) {
        return given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", user).formParam("password", user)
                .post(keycloakUrl + "/realms/" + REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aTokenFetchedThroughAnotherAddressOfTheIdentityProviderIsAccepted() {
        String viaIp = passwordGrant(KEYCLOAK_URL.replace("localhost", "127.0.0.1"), "bpo-portal", ALICE);
        given().spec(gateway()).auth().oauth2(viaIp).get("/api/v1/clients/" + ACME + "/contracts").then().statusCode(200);
    }

    @Test
    void aTokenMintedForAnotherClientOfTheRealmIsRefusedNamingTheAudience() {
        String forAdminCli = passwordGrant(KEYCLOAK_URL, "admin-cli", ALICE);
        given().spec(gateway()).auth().oauth2(forAdminCli).get("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(401).contentType(startsWith(PROBLEM_JSON))
                .body("detail", containsString("audience"))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
    }

    @Test
    void theRealmLocksOutPasswordGuessing() {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        var realm = given().auth().oauth2(admin).get(KEYCLOAK_URL + "/admin/realms/" + REALM)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Boolean.TRUE, realm.getBoolean("bruteForceProtected"));
        assertTrue(realm.getInt("failureFactor") <= 10, "lock-out after at most 10 failures");
    }
}

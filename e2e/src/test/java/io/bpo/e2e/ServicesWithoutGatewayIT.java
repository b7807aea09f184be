package io.bpo.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zero trust: a request sent straight to a service port, bypassing the gateway, gets the same denials with the
 * same real tokens (layer 2 stands on its own).
 */
class ServicesWithoutGatewayIT extends PlatformClient {
    static final String SERVICE_HOST = System.getProperty("services.host", "http://localhost");

    private static RequestSpecification direct(int port) {
        return given().baseUri(SERVICE_HOST + ":" + port).contentType(ContentType.JSON);
    }

    @ParameterizedTest(name = "{0} on port {1}")
    @CsvSource({"contracts,8081", "knowledge/articles,8082", "reporting/interactions,8083", "people,8084"})
    void directCallsGetTheSameDenials(String resource, int port) {
        String own = "/api/v1/clients/" + ACME + "/" + resource;
        String other = "/api/v1/clients/" + GLOBEX + "/" + resource;
        direct(port).get(own).then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
        direct(port).auth().oauth2(token(ALICE)).get(other).then().statusCode(403)
                .contentType(startsWith(PROBLEM_JSON)).body("type", org.hamcrest.Matchers.endsWith("tenant-forbidden"));
        direct(port).auth().oauth2(token(ALICE)).get(own + "/" + UUID.randomUUID()).then().statusCode(404);
        direct(port).auth().oauth2(token(ALICE) + "x").get(own).then().statusCode(401);
        direct(port).auth().oauth2(token(ERIN)).get(own).then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} on port {1}")
    @CsvSource({"contracts,8081", "knowledge/articles,8082", "reporting/interactions,8083", "people,8084"})
    void directCallsWithAForgedTenantClaimAreRejected(String resource, int port) {
        // Re-encode alice's token with globex added to tenants: the signature no longer matches.
        String[] parts = token(ALICE).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"tenants\":[\"acme\"]", "\"tenants\":[\"acme\",\"globex\"]");
        org.junit.jupiter.api.Assertions.assertNotEquals(payload, forged, "token shape changed: fix the test");
        String token = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes()) + "." + parts[2];
        direct(port).auth().oauth2(token).get("/api/v1/clients/" + GLOBEX + "/" + resource)
                .then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
    }

    @org.junit.jupiter.api.Test
    void openApiOfEachServiceIsListedAtTheGateway() {
        for (String service : new String[] {"contracts", "knowledge", "reporting", "people"}) {
            anonymous().accept("application/json").get("/openapi/" + service + "?format=json")
                    .then().statusCode(200).body("openapi", startsWith("3."));
        }
        anonymous().get("/q/swagger-ui/").then().statusCode(200);
        Map<String, Object> doc = anonymous().accept("application/json").get("/openapi/contracts?format=json")
                .then().extract().jsonPath().getMap("paths");
        org.junit.jupiter.api.Assertions.assertTrue(doc.containsKey("/api/v1/clients/{clientId}/contracts"), doc.keySet().toString());
    }

    @org.junit.jupiter.api.Test
    void rowLevelSecurityHidesEverythingFromTheAppRoleWithoutATenant() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:5432/contracts",
                "contracts_app", "contracts_app");
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from contracts")) {
            rows.next();
            org.junit.jupiter.api.Assertions.assertEquals(0, rows.getLong(1));
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:5432/contracts",
                "contracts_app", "contracts_app");
                var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("select set_config('app.tenant_id', 'acme', true)");
            try (var rows = statement.executeQuery("select count(*) from contracts where tenant_id = 'globex'")) {
                rows.next();
                org.junit.jupiter.api.Assertions.assertEquals(0, rows.getLong(1));
            }
            connection.rollback();
        }
        as(BOB).get("/api/v1/clients/" + GLOBEX + "/contracts").then().statusCode(200)
                .body("items.size() > 0", equalTo(true));
    }
}

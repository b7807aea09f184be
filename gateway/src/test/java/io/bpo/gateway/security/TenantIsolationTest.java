package io.bpo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TenantIsolationTest {

    static final String OWN_CLIENT = "acme-tenancy";
    static final String OTHER_CLIENT = "globex-tenancy";
    static final String MANAGER = Tokens.of("tenancy-alice", List.of("client-manager"), List.of(OWN_CLIENT));
    static final String ACCOUNT_MANAGER = Tokens.of("tenancy-carol", List.of("account-manager"),
            List.of(OWN_CLIENT, OTHER_CLIENT));
    static final String PROVIDER_ADMIN = Tokens.of("tenancy-frank", List.of("provider-admin"), List.of());

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "bpo.gateway.routes.knowledge.url")
    String knowledgeUrl;

    @Test
    void tenantNotInTokenIsForbiddenAndLogged() {
        String requestId = "tenancy-" + UUID.randomUUID();
        given().auth().oauth2(MANAGER).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + OTHER_CLIENT + "/knowledge/articles")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/tenant-forbidden"))
                .body("title", equalTo("Client not accessible"))
                .body("status", equalTo(403))
                .body("instance", equalTo("/api/v1/clients/" + OTHER_CLIENT + "/knowledge/articles"))
                .body("requestId", equalTo(requestId));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("DENIED_TENANT", entry.get("outcome"));
        assertEquals(OTHER_CLIENT, entry.get("client_id"));
        assertEquals("tenancy-alice", entry.get("subject"));
        assertEquals("knowledge", entry.get("service"));
    }

    @Test
    void tenantForbiddenRequestNeverReachesTheService() {
        String requestId = "tenancy-" + UUID.randomUUID();
        given().auth().oauth2(MANAGER).header("X-Request-Id", requestId).body("{\"title\":\"x\"}")
                .when().post("/api/v1/clients/" + OTHER_CLIENT + "/knowledge/articles")
                .then().statusCode(403);

        int received = given().baseUri(knowledgeUrl).port(-1).queryParam("requestId", requestId)
                .when().get("/__received").then().extract().path("count");
        assertEquals(0, received);
    }

    @Test
    void tenantCheckAppliesToTheClientResourceItself() {
        given().auth().oauth2(MANAGER)
                .when().delete("/api/v1/clients/" + OTHER_CLIENT)
                .then().statusCode(403)
                .body("type", equalTo("https://bpo.example/problems/tenant-forbidden"));
    }

    @Test
    void memberOfSeveralTenantsReachesEachOfThem() {
        for (String client : List.of(OWN_CLIENT, OTHER_CLIENT)) {
            given().auth().oauth2(ACCOUNT_MANAGER)
                    .when().get("/api/v1/clients/" + client + "/reporting/sla")
                    .then().statusCode(200)
                    .body("service", equalTo("reporting"));
        }
    }

    @Test
    void memberAccessIsLoggedAsAllowedWithIdentity() {
        String requestId = "tenancy-" + UUID.randomUUID();
        given().auth().oauth2(MANAGER).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + OWN_CLIENT + "/contracts")
                .then().statusCode(200);

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("ALLOWED", entry.get("outcome"));
        assertEquals(OWN_CLIENT, entry.get("client_id"));
        assertEquals(List.of("client-manager"), entry.get("roles"));
    }

    @Test
    void crossTenantRoleIsAllowedAndLoggedAsCrossTenant() {
        String requestId = "tenancy-" + UUID.randomUUID();
        given().auth().oauth2(PROVIDER_ADMIN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + OTHER_CLIENT + "/contracts")
                .then().statusCode(200)
                .body("service", equalTo("contracts"));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("ALLOWED_CROSS_TENANT", entry.get("outcome"));
        assertEquals(OTHER_CLIENT, entry.get("client_id"));
        assertEquals("tenancy-frank", entry.get("subject"));
        assertEquals(List.of("provider-admin"), entry.get("roles"));
    }

    @Test
    void serviceRefusalIsRelayedAndLoggedAsDeniedRole() {
        String requestId = "tenancy-" + UUID.randomUUID();
        given().auth().oauth2(MANAGER).header("X-Request-Id", requestId)
                .when().post("/api/v1/clients/" + OWN_CLIENT + "/contracts/c-1/approve?fake-status=403")
                .then().statusCode(403)
                .body("service", equalTo("contracts"));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("DENIED_ROLE", entry.get("outcome"));
        assertEquals(403, ((Number) entry.get("status")).intValue());
    }

    @Test
    void serviceRejectingTheTokenIsLoggedAsUnauthenticated() {
        String requestId = "tenancy-" + UUID.randomUUID();
        given().auth().oauth2(MANAGER).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + OWN_CLIENT + "/contracts?fake-status=401")
                .then().statusCode(401);

        assertEquals("DENIED_UNAUTHENTICATED", AccessLogRows.single(dataSource, requestId).get("outcome"));
    }
}

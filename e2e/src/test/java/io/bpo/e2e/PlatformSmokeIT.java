package io.bpo.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The running platform answers through the gateway, with real Keycloak tokens, and keeps tenants apart. */
class PlatformSmokeIT extends PlatformClient {

    @BeforeAll
    static void clientsExist() {
        ensureDemoClients();
    }

    @Test
    void gatewayHealthIsUp() {
        anonymous()
                .get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void clientManagerListsOnlyTheClientsOfHerToken() {
        as(ALICE)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(ACME)));
    }

    @Test
    void requestWithoutTokenIsUnauthorizedProblem() {
        anonymous()
                .get("/api/v1/clients/" + ACME + "/contracts")
                .then()
                .statusCode(401)
                .contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void clientManagerOfAcmeIsForbiddenGlobexContracts() {
        as(ALICE)
                .get("/api/v1/clients/" + GLOBEX + "/contracts")
                .then()
                .statusCode(403)
                .contentType(startsWith(PROBLEM_JSON));
    }
}

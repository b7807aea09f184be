package io.bpo.contracts.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service running while its database cannot be reached (nothing listens on the configured port): requests get
 * 503 problem+json with Retry-After, never 500; readiness is DOWN, liveness stays UP so that Kubernetes takes the
 * pod out of rotation without restarting it.
 */
@QuarkusTest
@TestProfile(DatabaseUnreachableTest.NoDatabase.class)
class DatabaseUnreachableTest {

    static final String CLIENT = "db-down";
    static final String PROBLEM = "application/problem+json";

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:1/contracts_test",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "quarkus.datasource.jdbc.login-timeout", "1S",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false",
                    "quarkus.hibernate-orm.database.version-check.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void readWhileTheDatabaseIsAwayIsServiceUnavailableWithRetryAfter() {
        given().auth().oauth2(Tokens.token("alice", "client-manager", CLIENT)).header("X-Request-Id", "db-down-read")
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", "5")
                .body("type", equalTo("https://bpo.example/problems/database-unavailable"))
                .body("status", equalTo(503))
                .body("requestId", equalTo("db-down-read"));
    }

    @Test
    void writeWhileTheDatabaseIsAwayIsServiceUnavailableToo() {
        given().auth().oauth2(Tokens.token("frank", "provider-admin")).contentType("application/json")
                .body(Map.of("id", "db-down-new", "legalName", "Nobody SA", "country", "FR"))
                .when().post("/api/v1/clients")
                .then().statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", "5")
                .body("type", equalTo("https://bpo.example/problems/database-unavailable"));
    }

    @Inject
    TransactionManager transactionManager;

    /**
     * The tenant is bound inside {@code begin()}; when that fails, the transaction must not stay on the thread, or
     * once the reaper rolls it back every later request on the thread fails (500) long after the database is back.
     */
    @Test
    void transactionWhoseTenantCannotBeBoundIsNotLeftOnTheThread() throws Exception {
        assertThrows(RuntimeException.class, () -> transactionManager.begin());
        assertEquals(Status.STATUS_NO_TRANSACTION, transactionManager.getStatus());
    }

    @Test
    void readinessIsDownAndLivenessUp() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}

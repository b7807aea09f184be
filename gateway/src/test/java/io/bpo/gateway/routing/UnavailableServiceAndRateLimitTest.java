package io.bpo.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.AccessLogRows;
import io.bpo.gateway.support.FakeServicesResource;
import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** A profile where knowledge-service is down and the rate limit is tight: 3 requests, then one per 5 s. */
@QuarkusTest
@TestProfile(UnavailableServiceAndRateLimitTest.KnowledgeDownTightLimit.class)
class UnavailableServiceAndRateLimitTest {

    static final String CLIENT = "acme-outage";

    public static class KnowledgeDownTightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bpo.gateway.rate-limit.rate-per-second", "0.2",
                    "bpo.gateway.rate-limit.burst", "3");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(FakeServicesResource.class, Map.of("down", "knowledge")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void unreachableServiceIsServiceUnavailableProblemAndLogged() {
        String token = Tokens.of("outage-user", List.of("agent"), List.of(CLIENT));
        String requestId = "outage-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/knowledge/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", equalTo(requestId))
                .body("type", equalTo("https://bpo.example/problems/upstream-unavailable"))
                .body("service", equalTo("knowledge"))
                .body("detail", equalTo("The knowledge service is unavailable."))
                .body("requestId", equalTo(requestId));

        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("UPSTREAM_ERROR", entry.get("outcome"));
        assertEquals(503, ((Number) entry.get("status")).intValue());
    }

    @Test
    void otherServicesStillAnswerWhileOneIsDown() {
        String token = Tokens.of("outage-other", List.of("client-viewer"), List.of(CLIENT));
        given().auth().oauth2(token)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(200);
    }

    @Test
    void openApiDocumentOfUnreachableServiceIsServiceUnavailableProblem() {
        given().when().get("/openapi/knowledge")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("service", equalTo("knowledge"));
    }

    @Test
    void readinessStaysUpAndReportsTheUnreachableService() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.knowledge",
                        org.hamcrest.Matchers.startsWith("UNREACHABLE"))
                .body("checks.find { it.name == 'downstream services' }.data.contracts", equalTo("UP"));
    }

    @Test
    void subjectOverItsRateIsTooManyRequestsWithRetryAfterAndLogged() {
        String token = Tokens.of("outage-burst", List.of("client-viewer"), List.of(CLIENT));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/clients/" + CLIENT + "/contracts")
                    .then().statusCode(200);
        }
        String requestId = "outage-" + UUID.randomUUID();
        String retryAfter = given().auth().oauth2(token).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/rate-limited"))
                .body("requestId", equalTo(requestId))
                .extract().header("Retry-After");

        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 5, "Retry-After " + seconds);
        Map<String, Object> entry = AccessLogRows.single(dataSource, requestId);
        assertEquals("RATE_LIMITED", entry.get("outcome"));
        assertEquals("outage-burst", entry.get("subject"));
    }

    @Test
    void rateLimitIsPerSubject() {
        String first = Tokens.of("outage-first", List.of("client-viewer"), List.of(CLIENT));
        String second = Tokens.of("outage-second", List.of("client-viewer"), List.of(CLIENT));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(first).when().get("/api/v1/clients/" + CLIENT + "/contracts")
                    .then().statusCode(200);
        }
        given().auth().oauth2(first).when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(429);
        given().auth().oauth2(second).when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(200);
    }
}

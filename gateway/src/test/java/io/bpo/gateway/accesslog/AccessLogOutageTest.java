package io.bpo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** Fail closed: without an access-log entry there is no answer from a service. */
@QuarkusTest
class AccessLogOutageTest {

    static final String CLIENT = "acme-outage-log";
    static final String TOKEN = Tokens.of("outage-log-user", List.of("client-manager"), List.of(CLIENT));

    @ConfigProperty(name = "bpo.gateway.routes.contracts.url")
    String contractsUrl;

    @BeforeEach
    void logCannotBeWritten() {
        QuarkusMock.installMockForType(new AccessLogRepository(null) {
            @Override
            public void appendAll(List<AccessLogEntry> entries) throws SQLException {
                throw new SQLException("database unavailable (simulated)", "08006");
            }

            @Override
            public List<AccessLogEntry> find(AccessLogQuery query, int max) {
                return List.of();
            }
        }, AccessLogRepository.class);
    }

    @Test
    void serviceAnswerIsWithheldWhenItCannotBeLogged() {
        String requestId = "outage-log-" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).header("X-Request-Id", requestId)
                .when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/access-log-unavailable"))
                .body("requestId", equalTo(requestId));

        // the service did answer; the gateway kept its answer from the client
        int received = given().baseUri(contractsUrl).port(-1).queryParam("requestId", requestId)
                .when().get("/__received").then().extract().path("count");
        assertEquals(1, received);
    }

    @Test
    void denialIsStillAnsweredAsUnavailableWhenItCannotBeLogged() {
        given().when().get("/api/v1/clients/" + CLIENT + "/contracts")
                .then().statusCode(503)
                .body("type", equalTo("https://bpo.example/problems/access-log-unavailable"));
    }

    @Test
    void accessLogReadIsNotServedWhenItCannotBeLogged() {
        given().auth().oauth2(Tokens.of("outage-log-auditor", List.of("auditor", "platform-auditor"), List.of()))
                .when().get("/api/v1/audit/access-log")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("https://bpo.example/problems/access-log-unavailable"));
    }
}

package io.bpo.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiAndOperationsTest {

    @Test
    void eachServiceDocumentIsServedUnauthenticated() {
        for (String service : List.of("contracts", "knowledge", "reporting", "people")) {
            given().when().get("/openapi/" + service)
                    .then().statusCode(200)
                    .contentType("application/json")
                    .body("info.title", equalTo(service + "-service"));
        }
    }

    @Test
    void allServiceDocumentsAreServedMergedIntoOne() {
        given().when().get("/openapi/all")
                .then().statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("BPO platform API"))
                .body("info.version", notNullValue())
                .body("paths.'/api/v1/clients/{clientId}/contracts'.get.operationId", equalTo("contracts"))
                .body("paths.'/api/v1/clients/{clientId}/knowledge'.get.operationId", equalTo("knowledge"))
                .body("paths.'/api/v1/clients/{clientId}/reporting'.get.operationId", equalTo("reporting"));
    }

    @Test
    void unknownServiceDocumentIsNotFoundProblem() {
        given().when().get("/openapi/billing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/openapi/billing"));
    }

    @Test
    void gatewayDocumentDescribesTheAccessLogApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/audit/access-log'.get.summary", notNullValue())
                .body("paths.'/api/v1/audit/access-log'.get.parameters.name",
                        hasItem("cursor"))
                .body("paths.'/api/v1/audit/access-log'.get.responses.'400'.content.'application/problem+json'",
                        notNullValue());
    }

    @Test
    void swaggerUiListsTheGatewayAndTheThreeServices() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("/openapi/contracts"))
                .body(containsString("/openapi/knowledge"))
                .body(containsString("/openapi/reporting"))
                .body(containsString("/openapi/all"))
                .body(containsString("/q/openapi"));
    }

    @Test
    void readinessIncludesTheDatabaseAndTheServices() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'downstream services' }.data.reporting", equalTo("UP"));
    }

    @Test
    void metricsCountRequestsByOutcome() {
        given().auth().oauth2(Tokens.of("ops-user", List.of("client-viewer"), List.of("acme-ops")))
                .when().get("/api/v1/clients/acme-ops/contracts").then().statusCode(200);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("bpo_gateway_requests_total{outcome=\"ALLOWED\",service=\"contracts\"}"))
                .body(containsString("uri=\"/api/v1/clients/{clientId}/contracts\""));
    }

    @Test
    void pathsOutsideTheApiGetProblemNotFound() {
        given().when().get("/nowhere")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("type", equalTo("https://bpo.example/problems/not-found"))
                .body("title", equalTo("Resource not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("There is no resource at /nowhere."))
                .body("instance", equalTo("/nowhere"))
                .body("requestId", notNullValue());
    }
}

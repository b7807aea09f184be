package io.bpo.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The gateway's Swagger UI shows this document: the batch body, read as a stream, must still be described. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {
    static final String INTERACTIONS = "paths.'/api/v1/clients/{clientId}/reporting/interactions'";

    @Test
    void documentDescribesTheBatchBodyAndTheLists() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Reporting API"))
                .body(INTERACTIONS + ".post.requestBody.content.'application/json'.schema.type", equalTo("array"))
                .body(INTERACTIONS + ".post.requestBody.content.'application/json'.schema.items.'$ref'",
                        endsWith("/InteractionRecord"))
                .body(INTERACTIONS + ".get.parameters.name", hasItems("period", "from", "to", "channel", "queue",
                        "cursor", "limit"))
                .body("paths.'/api/v1/clients/{clientId}/reporting/interactions/{interactionId}'.get", notNullValue());
    }

    @Test
    void documentDescribesThePortfolioAcrossClientsAndTheMeasurementChecks() {
        String portfolio = "paths.'/api/v1/reporting/portfolio'.get";
        String measurements = "paths.'/api/v1/clients/{clientId}/reporting/measurements'.post";
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(portfolio + ".parameters.name", hasItems("month"))
                .body(portfolio + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        endsWith("/ClientsPortfolio"))
                .body(portfolio + ".responses.'200'.content.'application/json'.examples", notNullValue())
                .body(portfolio + ".responses.'400'.content.'application/problem+json'", notNullValue())
                .body(portfolio + ".responses.'403'", notNullValue())
                .body(measurements + ".responses.'422'.content.'application/problem+json'.examples", notNullValue())
                .body(measurements + ".responses.'503'", notNullValue());
    }
}

package io.bpo.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The gateway's Swagger UI lists this document: it must describe the article endpoints and their security. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {
    @Test
    void documentDescribesTheArticleEndpoints() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/articles\""))
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/articles/{articleId}\""))
                .body(containsString("\"Knowledge articles\""))
                .body(containsString("\"bearer\""))
                .body(containsString("\"NewArticle\""));
    }

    @Test
    void documentDescribesWorkflowSearchAcknowledgementsPlansQuestionsAndTheProviderSpace() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/articles/{articleId}/publish\""))
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/articles/{articleId}/diff\""))
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/search\""))
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/coverage\""))
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/transfer-plans/{planId}/sign-off\""))
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/questions/{questionId}/faq\""))
                .body(containsString("\"/api/v1/clients/{clientId}/knowledge/provider-articles\""))
                .body(containsString("\"SearchResults\"")).body(containsString("\"TransferPlan\""))
                .body(containsString("Readiness criteria unmet"));
    }
}

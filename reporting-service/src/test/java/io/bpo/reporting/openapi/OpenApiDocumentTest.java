package io.bpo.reporting.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.testing.OpenApiDocumentCheck;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document the service serves holds what generated clients need (docs/api.md, docs/decisions/0036). */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    private static String document() {
        return given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void everyExampleValidatesAgainstItsSchemaAndNoJavaTypeLeaks() {
        OpenApiDocumentCheck check = OpenApiDocumentCheck.of(document());
        assertEquals(List.of(), check.problems());
        assertTrue(check.examples() > 10, "examples checked: " + check.examples());
    }

    @Test
    void namesTheGatewayALicenceAndDescribesEveryTag() {
        JsonPath doc = JsonPath.from(document());
        assertEquals("{gateway}", doc.getString("servers[0].url"));
        assertEquals("http://localhost:8080", doc.getString("servers[0].variables.gateway.default"));
        assertTrue(doc.getString("info.license.name").startsWith("Proprietary"));
        List<Map<String, String>> tags = doc.getList("tags");
        assertTrue(!tags.isEmpty() && tags.stream().allMatch(t -> t.get("description") != null), tags.toString());
    }

    @Test
    void everyOperationAnswersSuccessAndTheCommonProblemsByReference() {
        JsonPath doc = JsonPath.from(document());
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            String what = method + " " + path;
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), what + ": no 2xx");
            // an operation may say more about its own 401, 403 or 503 (reporting's calls to contracts); 429 is the
            // gateway's alone
            assertTrue(responses.containsKey("401") && responses.containsKey("403"), what);
            assertTrue(responses.containsKey("503"), what);
            assertEquals("#/components/responses/TooManyRequests", responses.get("429").get("$ref"), what);
        }));
        assertEquals("#/components/schemas/Problem", doc.getString(
                "components.responses.Unauthenticated.content.'application/problem+json'.schema.$ref"));
    }
}

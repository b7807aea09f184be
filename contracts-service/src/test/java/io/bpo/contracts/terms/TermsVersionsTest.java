package io.bpo.contracts.terms;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.terms.TermsDocs.contractWithTerms;
import static io.bpo.contracts.terms.TermsDocs.document;
import static io.bpo.contracts.terms.TermsDocs.set;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every version of a contract's terms stays readable, with a diff between two of them. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TermsVersionsTest {
    static final String OWN = "tv-own";
    static final String PROBLEM = "application/problem+json";
    static final String MANAGER = Tokens.token("alice", "account-manager", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);

    String contract;

    @BeforeEach
    void draftContract() {
        Api.onboard(OWN);
        contract = as(MANAGER).body(contractWithTerms("TV-" + UUID.randomUUID().toString().substring(0, 8),
                TermsDocs.terms())).post(base()).then().statusCode(201).extract().path("id");
    }

    private static String base() {
        return "/api/v1/clients/" + OWN + "/contracts";
    }

    private String versions() {
        return base() + "/" + contract + "/versions";
    }

    @Test
    void newContractHasOneVersionTheOriginalAgreement() {
        as(VIEWER).get(versions()).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].number", equalTo(1)).body("[0].amendmentNumber", equalTo(0))
                .body("[0].effectiveFrom", equalTo("2026-01-01")).body("[0].changeRequestId", nullValue())
                .body("[0].createdBy", equalTo("alice")).body("[0].createdAt", notNullValue());
    }

    @Test
    void rewritingTheDraftAddsNoVersion() {
        String etag = as(MANAGER).get(base() + "/" + contract + "/terms").header("ETag");
        as(MANAGER).header("If-Match", etag).body(document(set(TermsDocs.terms(), "slas[0].target", 81)))
                .put(base() + "/" + contract + "/terms").then().statusCode(200);
        as(VIEWER).get(versions()).then().statusCode(200).body("number", contains(1));
        as(VIEWER).get(versions() + "/1").then().body("terms.slas[0].target", equalTo(81));
    }

    @Test
    void versionOneIsTheWholeDocument() {
        as(VIEWER).get(versions() + "/1").then().statusCode(200)
                .header("ETag", equalTo("\"1.0\""))
                .body("contractId", equalTo(contract)).body("versionNumber", equalTo(1))
                .body("amendmentNumber", equalTo(0)).body("effectiveFrom", equalTo("2026-01-01"))
                .body("terms.slas.key", contains("service-level-20s", "abandonment", "csat"));
    }

    @Test
    void versionReadsAsYaml() {
        as(VIEWER).accept("application/yaml").get(versions() + "/1").then().statusCode(200)
                .contentType(startsWith("application/yaml")).body(containsString("versionNumber: 1"));
    }

    @Test
    void versionThatDoesNotExistIsNotFound() {
        as(VIEWER).get(versions() + "/9").then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("not-found"));
    }

    @Test
    void versionThatIsNotANumberIsABadRequestNamingIt() {
        as(VIEWER).get(versions() + "/abc").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("number"));
        as(VIEWER).get(versions() + "/0").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("number"));
    }

    @Test
    void diffOfAVersionWithItselfIsEmpty() {
        as(VIEWER).get(versions() + "/1/diff/1").then().statusCode(200)
                .contentType(startsWith("application/json")).body("$", empty());
    }

    @Test
    void diffWithAMissingVersionIsNotFound() {
        as(VIEWER).get(versions() + "/1/diff/9").then().statusCode(404).contentType(PROBLEM);
        as(VIEWER).get(versions() + "/9/diff/1").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void diffBoundsThatAreNotNumbersAreBadRequestsNamingThem() {
        as(VIEWER).get(versions() + "/first/diff/1").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("from"));
        as(VIEWER).get(versions() + "/1/diff/last").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("to"));
    }

    @Test
    void agentSeesNoVersions() {
        String agent = Tokens.token("dave", "agent", OWN);
        as(agent).get(versions()).then().statusCode(403);
        as(agent).get(versions() + "/1").then().statusCode(403);
        as(agent).get(versions() + "/1/diff/1").then().statusCode(403);
    }
}

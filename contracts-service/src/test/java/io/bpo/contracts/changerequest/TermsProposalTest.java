package io.bpo.contracts.changerequest;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.changerequest.Amendments.JSON;
import static io.bpo.contracts.changerequest.Amendments.PROBLEM;
import static io.bpo.contracts.changerequest.Amendments.activeContract;
import static io.bpo.contracts.changerequest.Amendments.changeRequests;
import static io.bpo.contracts.changerequest.Amendments.clientSide;
import static io.bpo.contracts.changerequest.Amendments.contracts;
import static io.bpo.contracts.changerequest.Amendments.draftContract;
import static io.bpo.contracts.changerequest.Amendments.provider;
import static io.bpo.contracts.changerequest.Amendments.viewer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bpo.contracts.Api;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PUT .../terms on a running contract proposes the document as a change request (202) instead of writing it. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TermsProposalTest {
    static final String OWN = "cr-propose";
    static final String PROVIDER = provider(OWN);
    static final String CLIENT = clientSide(OWN);
    static final String VIEWER = viewer(OWN);

    String contract;

    @BeforeEach
    void activeContractOfOwnClient() {
        Api.onboard(OWN);
        contract = activeContract(OWN);
    }

    private String terms(String contractId) {
        return contracts(OWN) + "/" + contractId + "/terms";
    }

    private record Read(ObjectNode document, String etag) {
    }

    private Read read(String contractId) throws Exception {
        Response response = as(VIEWER).get(terms(contractId));
        return new Read((ObjectNode) JSON.readTree(response.then().statusCode(200).extract().asString()),
                response.header("ETag"));
    }

    /** The document as read, with the SLA target moved, a wanted date and a reason. */
    private static ObjectNode edited(ObjectNode document, int target) {
        ((ObjectNode) document.at("/terms/slas/0")).put("target", target).put("warning", target + 2);
        document.put("effectiveFrom", "2026-06-01");
        document.put("reason", "Faster answers for the summer campaign");
        return document;
    }

    @Test
    void putOnAnActiveContractRaisesAChangeRequest() throws Exception {
        Read read = read(contract);
        String location = as(CLIENT).header("If-Match", read.etag()).body(edited(read.document(), 85).toString())
                .put(terms(contract)).then().statusCode(202)
                .header("Location", containsString(changeRequests(OWN, contract) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PENDING")).body("raisedByParty", equalTo("CLIENT"))
                .body("effectiveFrom", equalTo("2026-06-01"))
                .body("reason", equalTo("Faster answers for the summer campaign"))
                .body("baseVersionNumber", equalTo(1))
                .extract().header("Location");
        as(VIEWER).get(location).then().statusCode(200).body("terms.slas[0].target", equalTo(85))
                .body("diff.path", hasItem("/slas/0/target"));
        as(VIEWER).get(terms(contract)).then().body("versionNumber", equalTo(1)).body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void proposedDocumentIsAppliedOnceBothSidesApprove() throws Exception {
        Read read = read(contract);
        String location = as(PROVIDER).header("If-Match", read.etag()).body(edited(read.document(), 85).toString())
                .put(terms(contract)).then().statusCode(202).extract().header("Location");
        Amendments.approve(PROVIDER, location).then().statusCode(200).body("status", equalTo("PENDING"));
        Amendments.approve(CLIENT, location).then().statusCode(200).body("status", equalTo("APPLIED"));
        as(VIEWER).get(terms(contract)).then().body("versionNumber", equalTo(2)).body("terms.slas[0].target", equalTo(85));
    }

    @Test
    void putOnAnActiveContractNeedsEffectiveFromAndReason() throws Exception {
        Read read = read(contract);
        ObjectNode document = edited(read.document(), 85);
        document.remove("effectiveFrom");
        document.remove("reason");
        as(CLIENT).header("If-Match", read.etag()).body(document.toString()).put(terms(contract))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("effectiveFrom", "reason"));
        as(VIEWER).get(changeRequests(OWN, contract)).then().body("items", hasSize(0));
    }

    @Test
    void putOnAnActiveContractReportsInvalidTermsByPath() throws Exception {
        Read read = read(contract);
        as(CLIENT).header("If-Match", read.etag()).body(edited(read.document(), 150).toString()).put(terms(contract))
                .then().statusCode(400).body("errors.field", hasItem("terms.slas[0].target"));
    }

    @Test
    void putOnAnActiveContractNeedsTheCurrentTermsETag() throws Exception {
        Read read = read(contract);
        String body = edited(read.document(), 85).toString();
        as(CLIENT).body(body).put(terms(contract)).then().statusCode(428).contentType(PROBLEM);
        as(CLIENT).header("If-Match", "\"1.7\"").body(body).put(terms(contract)).then().statusCode(412)
                .contentType(PROBLEM).body("type", endsWith("precondition-failed"));
        as(VIEWER).get(changeRequests(OWN, contract)).then().body("items", hasSize(0));
    }

    @Test
    void unchangedDocumentHasNothingToPropose() throws Exception {
        Read read = read(contract);
        ObjectNode document = read.document();
        document.put("reason", "Just checking");
        as(CLIENT).header("If-Match", read.etag()).body(document.toString()).put(terms(contract))
                .then().statusCode(409).body("type", endsWith("nothing-to-change"));
    }

    @Test
    void retriedProposalWithTheSameIdempotencyKeyRaisesOneRequest() throws Exception {
        Read read = read(contract);
        String body = edited(read.document(), 85).toString();
        String key = "put-" + UUID.randomUUID();
        String first = as(CLIENT).header("If-Match", read.etag()).header("Idempotency-Key", key).body(body)
                .put(terms(contract)).then().statusCode(202).header("Idempotent-Replayed", "false")
                .extract().path("id");
        as(CLIENT).header("If-Match", read.etag()).header("Idempotency-Key", key).body(body)
                .put(terms(contract)).then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        as(VIEWER).get(changeRequests(OWN, contract)).then().body("items", hasSize(1));
    }

    @Test
    void yamlDocumentOnAnActiveContractRaisesAChangeRequestAnsweredInYaml() throws Exception {
        Read read = read(contract);
        String yaml = new YAMLMapper().writeValueAsString(edited(read.document(), 85));
        String body = as(PROVIDER).header("If-Match", read.etag()).contentType("application/yaml")
                .accept("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put(terms(contract))
                .then().statusCode(202).contentType("application/yaml")
                .header("Location", containsString("/change-requests/")).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, containsString("status: PENDING"));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("raisedByParty: PROVIDER"));
    }

    @Test
    void viewerCannotProposeTermsInYamlEither() throws Exception {
        Read read = read(contract);
        String yaml = new YAMLMapper().writeValueAsString(edited(read.document(), 85));
        as(VIEWER).header("If-Match", read.etag()).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put(terms(contract))
                .then().statusCode(403);
        as(VIEWER).header("If-Match", read.etag()).body(edited(read.document(), 85).toString()).put(terms(contract))
                .then().statusCode(403);
        as(VIEWER).get(changeRequests(OWN, contract)).then().body("items", hasSize(0));
    }

    @Test
    void viewerCannotRewriteADraftInYaml() throws Exception {
        String draft = draftContract(OWN);
        Read read = read(draft);
        ObjectNode document = read.document();
        ((ObjectNode) document.at("/terms/slas/0")).put("target", 85).put("warning", 87);
        as(VIEWER).header("If-Match", read.etag()).contentType("application/yaml")
                .body(new YAMLMapper().writeValueAsBytes(document)).put(terms(draft))
                .then().statusCode(403);
        as(VIEWER).get(terms(draft)).then().body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void putOnADraftStillReplacesItsTermsDirectly() throws Exception {
        String draft = draftContract(OWN);
        Read read = read(draft);
        ObjectNode document = read.document();
        ((ObjectNode) document.at("/terms/slas/0")).put("target", 85).put("warning", 87);
        as(PROVIDER).header("If-Match", read.etag()).body(document.toString()).put(terms(draft))
                .then().statusCode(200).body("versionNumber", equalTo(1)).body("terms.slas[0].target", equalTo(85));
        as(VIEWER).get(changeRequests(OWN, draft)).then().body("items", hasSize(0));
    }

    @Test
    void putOnATerminatedContractIsAConflict() throws Exception {
        String etag = as(PROVIDER).get(contracts(OWN) + "/" + contract).then().extract().header("ETag");
        as(PROVIDER).header("If-Match", etag).post(contracts(OWN) + "/" + contract + "/terminate")
                .then().statusCode(200);
        Read read = read(contract);
        as(PROVIDER).header("If-Match", read.etag()).body(edited(read.document(), 85).toString()).put(terms(contract))
                .then().statusCode(409).contentType(PROBLEM);
    }
}

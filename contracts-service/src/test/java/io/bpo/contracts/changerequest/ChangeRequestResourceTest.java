package io.bpo.contracts.changerequest;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.changerequest.Amendments.PROBLEM;
import static io.bpo.contracts.changerequest.Amendments.activeContract;
import static io.bpo.contracts.changerequest.Amendments.changeRequests;
import static io.bpo.contracts.changerequest.Amendments.clientSide;
import static io.bpo.contracts.changerequest.Amendments.contracts;
import static io.bpo.contracts.changerequest.Amendments.draftContract;
import static io.bpo.contracts.changerequest.Amendments.proposal;
import static io.bpo.contracts.changerequest.Amendments.provider;
import static io.bpo.contracts.changerequest.Amendments.raise;
import static io.bpo.contracts.changerequest.Amendments.raised;
import static io.bpo.contracts.changerequest.Amendments.terms;
import static io.bpo.contracts.changerequest.Amendments.termsWithTarget;
import static io.bpo.contracts.changerequest.Amendments.viewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raising change requests and reading them: who may, on which contracts, with which proposals. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ChangeRequestResourceTest {
    static final String OWN = "cr-raise";
    static final String OTHER = "cr-raise-other";
    static final String PROVIDER = provider(OWN);
    static final String CLIENT = clientSide(OWN);
    static final String VIEWER = viewer(OWN);

    String contract;

    @BeforeEach
    void activeContractOfOwnClient() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
        contract = activeContract(OWN);
    }

    @Test
    void providerRaisesForTheProviderSide() {
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", termsWithTarget(85)))
                .then().statusCode(201)
                .header("Location", containsString(changeRequests(OWN, contract) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PENDING"))
                .body("raisedByParty", equalTo("PROVIDER")).body("raisedBy", equalTo("carol"))
                .body("baseVersionNumber", equalTo(1)).body("effectiveFrom", equalTo("2026-06-01"))
                .body("reason", equalTo("Summer campaign: a faster service level"))
                .body("providerDecision", nullValue()).body("clientDecision", nullValue())
                .body("categories", contains("SLA"));
    }

    @Test
    void clientManagerRaisesForTheClientSide() {
        raise(CLIENT, OWN, contract, proposal("2026-06-01", termsWithTarget(85)))
                .then().statusCode(201)
                .body("raisedByParty", equalTo("CLIENT")).body("raisedBy", equalTo("alice"))
                .body("status", equalTo("PENDING"));
    }

    @Test
    void raisedRequestCarriesTheDiffFromItsBaseVersion() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        as(VIEWER).get(url).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("diff.path", hasItems("/slas/0/target", "/slas/0/warning"))
                .body("diff.find { it.path == '/slas/0/target' }.op", equalTo("replace"))
                .body("diff.find { it.path == '/slas/0/target' }.value", equalTo(85))
                .body("terms.slas[0].target", equalTo(85));
    }

    @Test
    void categoriesAreComputedFromTheDiffWhenAbsent() {
        ObjectNode terms = termsWithTarget(85);
        ((ObjectNode) terms.at("/pricing")).put("monthlyFee", 90000);
        ((ObjectNode) terms.at("/term")).put("endDate", "2028-12-31");
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", terms))
                .then().statusCode(201).body("categories", contains("SLA", "PRICING", "TERM"));
    }

    @Test
    void declaredCategoriesMustNameEveryChangedPart() {
        ObjectNode terms = termsWithTarget(85);
        ((ObjectNode) terms.at("/pricing")).put("monthlyFee", 90000);
        ObjectNode body = proposal("2026-06-01", terms);
        body.putArray("categories").add("SLA");
        raise(PROVIDER, OWN, contract, body).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("categories"))
                .body("errors[0].reason", containsString("PRICING"));
    }

    @Test
    void declaredCategoriesMayAddAPart() {
        ObjectNode body = proposal("2026-06-01", termsWithTarget(85));
        body.putArray("categories").add("GOVERNANCE").add("SLA");
        raise(PROVIDER, OWN, contract, body).then().statusCode(201).body("categories", contains("SLA", "GOVERNANCE"));
    }

    @Test
    void proposalIdenticalToTheCurrentTermsIsAConflict() {
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", terms()))
                .then().statusCode(409).contentType(PROBLEM).body("type", endsWith("nothing-to-change"));
    }

    @Test
    void numbersEqualInValueAreNoChange() {
        ObjectNode terms = terms();
        ((ObjectNode) terms.at("/slas/0")).put("target", new java.math.BigDecimal("80.000"));
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", terms))
                .then().statusCode(409).body("type", endsWith("nothing-to-change"));
    }

    @Test
    void invalidTermsAreReportedByJsonPath() {
        ObjectNode terms = termsWithTarget(150);
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", terms)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("terms.slas[0].target"));
        ObjectNode missing = terms();
        ((ObjectNode) missing.at("/slas/0")).remove("metric");
        ((ObjectNode) missing.at("/scope/0")).put("channel", (String) null);
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", missing)).then().statusCode(400)
                .body("errors.field", hasItems("terms.slas[0].metric", "terms.scope[0].channel"));
    }

    @Test
    void crossReferencesOfTheProposalAreChecked() {
        ObjectNode terms = termsWithTarget(85);
        ((ObjectNode) terms.at("/slas/0")).put("calendar", "nowhere");
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", terms)).then().statusCode(400)
                .body("errors.field", hasItem("terms.slas[0].calendar"));
    }

    @Test
    void effectiveFromIsRequired() {
        ObjectNode body = proposal("2026-06-01", termsWithTarget(85));
        body.remove("effectiveFrom");
        raise(PROVIDER, OWN, contract, body).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("effectiveFrom"));
    }

    @Test
    void reasonIsRequired() {
        ObjectNode body = proposal("2026-06-01", termsWithTarget(85));
        body.put("reason", " ");
        raise(PROVIDER, OWN, contract, body).then().statusCode(400).body("errors.field", contains("reason"));
    }

    @Test
    void effectiveFromBeforeTheCurrentVersionIsRefused() {
        raise(PROVIDER, OWN, contract, proposal("2025-12-31", termsWithTarget(85)))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("effectiveFrom"))
                .body("errors[0].reason", containsString("2026-01-01"));
    }

    @Test
    void effectiveFromAfterTheProposedEndDateIsRefused() {
        raise(PROVIDER, OWN, contract, proposal("2028-01-01", termsWithTarget(85)))
                .then().statusCode(400).body("errors.field", contains("effectiveFrom"))
                .body("errors[0].reason", containsString("2027-12-31"));
    }

    @Test
    void startOfARunningContractCannotMove() {
        ObjectNode terms = termsWithTarget(85);
        ((ObjectNode) terms.at("/term")).put("startDate", "2026-02-01");
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", terms)).then().statusCode(400)
                .body("errors.field", contains("terms.term.startDate"));
    }

    @Test
    void unknownCategoryIsA400NamingTheField() {
        ObjectNode body = proposal("2026-06-01", termsWithTarget(85));
        body.putArray("categories").add("PERKS");
        raise(PROVIDER, OWN, contract, body).then().statusCode(400).body("errors[0].field", equalTo("categories[0]"));
    }

    @Test
    void draftContractIsEditedDirectlyNotThroughAChangeRequest() {
        String draft = draftContract(OWN);
        raise(PROVIDER, OWN, draft, proposal("2026-06-01", termsWithTarget(85)))
                .then().statusCode(409).contentType(PROBLEM).body("type", endsWith("contract-is-draft"));
    }

    @Test
    void terminatedContractTakesNoChangeRequest() {
        String etag = as(PROVIDER).get(contracts(OWN) + "/" + contract).then().extract().header("ETag");
        as(PROVIDER).header("If-Match", etag).post(contracts(OWN) + "/" + contract + "/terminate")
                .then().statusCode(200);
        raise(PROVIDER, OWN, contract, proposal("2026-06-01", termsWithTarget(85)))
                .then().statusCode(409).body("type", endsWith("contract-closed"));
    }

    @Test
    void suspendedContractTakesChangeRequests() {
        String etag = as(PROVIDER).get(contracts(OWN) + "/" + contract).then().extract().header("ETag");
        as(PROVIDER).header("If-Match", etag).post(contracts(OWN) + "/" + contract + "/suspend")
                .then().statusCode(200);
        raise(CLIENT, OWN, contract, proposal("2026-06-01", termsWithTarget(85))).then().statusCode(201);
    }

    @Test
    void unknownContractIsANotFound() {
        raise(PROVIDER, OWN, UUID.randomUUID().toString(), proposal("2026-06-01", termsWithTarget(85)))
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void listIsOldestFirstAndFiltersByStatus() {
        String first = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        String second = raised(CLIENT, OWN, contract, "2026-07-01", 84);
        Amendments.withdraw(PROVIDER, first).then().statusCode(200);
        as(VIEWER).get(changeRequests(OWN, contract)).then().statusCode(200)
                .body("items.id", contains(idOf(first), idOf(second)))
                .body("items[0]", not(hasKey("terms"))).body("items[0]", not(hasKey("diff")))
                .body("nextCursor", nullValue());
        as(VIEWER).queryParam("status", "PENDING").get(changeRequests(OWN, contract)).then().statusCode(200)
                .body("items.id", contains(idOf(second)));
        as(VIEWER).queryParam("status", "WITHDRAWN").get(changeRequests(OWN, contract)).then()
                .body("items.id", contains(idOf(first)));
    }

    @Test
    void listIsPagedByCursor() {
        List<String> ids = List.of(idOf(raised(PROVIDER, OWN, contract, "2026-06-01", 85)),
                idOf(raised(PROVIDER, OWN, contract, "2026-06-02", 86)),
                idOf(raised(PROVIDER, OWN, contract, "2026-06-03", 87)));
        String next = as(VIEWER).get(changeRequests(OWN, contract) + "?limit=2").then().statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(1))).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(VIEWER).queryParam("cursor", next).get(changeRequests(OWN, contract) + "?limit=2")
                .then().statusCode(200).body("items.id", contains(ids.get(2))).body("nextCursor", nullValue());
    }

    @Test
    void listRejectsBadParameters() {
        as(VIEWER).get(changeRequests(OWN, contract) + "?status=OPEN").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        as(VIEWER).get(changeRequests(OWN, contract) + "?limit=201").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(VIEWER).get(changeRequests(OWN, contract) + "?cursor=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void unknownChangeRequestIsANotFound() {
        as(VIEWER).get(changeRequests(OWN, contract) + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void changeRequestIsFoundOnlyUnderItsOwnContract() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        String otherContract = activeContract(OWN);
        as(VIEWER).get(changeRequests(OWN, otherContract) + "/" + idOf(url)).then().statusCode(404);
    }

    @Test
    void viewerReadsButCannotRaise() {
        raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        as(VIEWER).get(changeRequests(OWN, contract)).then().statusCode(200).body("items", hasSize(1));
        raise(VIEWER, OWN, contract, proposal("2026-06-01", termsWithTarget(85))).then().statusCode(403)
                .contentType(PROBLEM).body("type", endsWith("role-forbidden"));
    }

    @Test
    void rolesOutsideTheContractSeeNoChangeRequests() {
        as(Tokens.token("dave", "agent", OWN)).get(changeRequests(OWN, contract)).then().statusCode(403);
        as(Tokens.token("erin", "auditor", OWN)).get(changeRequests(OWN, contract)).then().statusCode(403);
        raise(Tokens.token("dave", "agent", OWN), OWN, contract, proposal("2026-06-01", termsWithTarget(85)))
                .then().statusCode(403);
    }

    @Test
    void tokenHoldingBothSidesRolesCannotRaise() {
        String both = Tokens.withRoles("mallory", List.of("account-manager", "client-manager"), List.of(OWN));
        raise(both, OWN, contract, proposal("2026-06-01", termsWithTarget(85))).then().statusCode(403)
                .contentType(PROBLEM).body("type", endsWith("ambiguous-party"));
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().get(changeRequests(OWN, contract)).then().statusCode(401).contentType(PROBLEM);
        given().contentType("application/json").body(proposal("2026-06-01", termsWithTarget(85)).toString())
                .post(changeRequests(OWN, contract)).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anotherClientsPathIsForbidden() {
        String foreign = activeContract(OTHER);
        raise(PROVIDER, OTHER, foreign, proposal("2026-06-01", termsWithTarget(85))).then().statusCode(403)
                .contentType(PROBLEM).body("type", endsWith("tenant-forbidden"));
        as(VIEWER).get(changeRequests(OTHER, foreign)).then().statusCode(403);
    }

    @Test
    void anotherClientsContractIsNotFoundUnderOwnClient() {
        String foreign = activeContract(OTHER);
        raise(PROVIDER, OWN, foreign, proposal("2026-06-01", termsWithTarget(85))).then().statusCode(404);
        as(VIEWER).get(changeRequests(OWN, foreign)).then().statusCode(404);
        as(provider(OTHER)).get(changeRequests(OTHER, foreign)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anotherClientsChangeRequestIsNotFoundUnderOwnClient() {
        String foreignContract = activeContract(OTHER);
        String foreign = raised(provider(OTHER), OTHER, foreignContract, "2026-06-01", 85);
        for (String contractInPath : List.of(contract, foreignContract)) {
            as(VIEWER).get(changeRequests(OWN, contractInPath) + "/" + idOf(foreign)).then().statusCode(404)
                    .contentType(PROBLEM);
        }
    }

    @Test
    void idempotentRaiseReplaysTheFirstResponse() {
        String key = "cr-" + UUID.randomUUID();
        ObjectNode body = proposal("2026-06-01", termsWithTarget(85));
        String first = as(PROVIDER).header("Idempotency-Key", key).body(body.toString())
                .post(changeRequests(OWN, contract)).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("id");
        as(PROVIDER).header("Idempotency-Key", key).body(body.toString()).post(changeRequests(OWN, contract))
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", endsWith("/" + first));
        as(VIEWER).get(changeRequests(OWN, contract)).then().body("items", hasSize(1));
    }

    @Test
    void idempotencyKeyReusedWithAnotherProposalIsA422() {
        String key = "cr-" + UUID.randomUUID();
        as(PROVIDER).header("Idempotency-Key", key).body(proposal("2026-06-01", termsWithTarget(85)).toString())
                .post(changeRequests(OWN, contract)).then().statusCode(201);
        as(PROVIDER).header("Idempotency-Key", key).body(proposal("2026-06-01", termsWithTarget(86)).toString())
                .post(changeRequests(OWN, contract)).then().statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("idempotency-key-reused"));
    }

    @Test
    void idempotencyKeyReusedOnAnotherContractIsA422NotAReplay() {
        String key = "cr-" + UUID.randomUUID();
        String otherContract = activeContract(OWN);
        ObjectNode body = proposal("2026-06-01", termsWithTarget(85));
        as(PROVIDER).header("Idempotency-Key", key).body(body.toString())
                .post(changeRequests(OWN, contract)).then().statusCode(201);
        as(PROVIDER).header("Idempotency-Key", key).body(body.toString()).post(changeRequests(OWN, otherContract))
                .then().statusCode(422).body("type", endsWith("idempotency-key-reused"));
        as(VIEWER).get(changeRequests(OWN, otherContract)).then().body("items", hasSize(0));
    }

    @Test
    void openApiDocumentsEveryChangeRequestEndpointWithItsErrors() {
        String base = "paths.'/api/v1/clients/{clientId}/contracts/{contractId}/change-requests";
        io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(base + "'.post.responses", hasKey("201"))
                .body(base + "'.post.responses", hasKey("409"))
                .body(base + "'.get.summary", notNullValue())
                .body(base + "/{changeRequestId}'.get.responses", hasKey("404"))
                .body(base + "/{changeRequestId}/approve'.post.responses", hasKey("409"))
                .body(base + "/{changeRequestId}/approve'.post.responses", hasKey("412"))
                .body(base + "/{changeRequestId}/approve'.post.responses", hasKey("428"))
                .body(base + "/{changeRequestId}/reject'.post.responses", hasKey("400"))
                .body(base + "/{changeRequestId}/withdraw'.post.responses", hasKey("403"))
                .body("paths.'/api/v1/clients/{clientId}/contracts/{contractId}/terms'.put.responses", hasKey("202"));
    }

    static String idOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}

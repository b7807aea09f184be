package io.bpo.contracts.changerequest;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.changerequest.Amendments.PROBLEM;
import static io.bpo.contracts.changerequest.Amendments.activeContract;
import static io.bpo.contracts.changerequest.Amendments.approve;
import static io.bpo.contracts.changerequest.Amendments.changeRequests;
import static io.bpo.contracts.changerequest.Amendments.clientSide;
import static io.bpo.contracts.changerequest.Amendments.contracts;
import static io.bpo.contracts.changerequest.Amendments.etag;
import static io.bpo.contracts.changerequest.Amendments.provider;
import static io.bpo.contracts.changerequest.Amendments.raised;
import static io.bpo.contracts.changerequest.Amendments.reject;
import static io.bpo.contracts.changerequest.Amendments.viewer;
import static io.bpo.contracts.changerequest.Amendments.withdraw;
import static io.bpo.contracts.changerequest.ChangeRequestResourceTest.idOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both parties decide, each once; only the second approval applies the change. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ChangeRequestApprovalTest {
    static final String OWN = "cr-approve";
    static final String OTHER = "cr-approve-other";
    static final String PROVIDER = provider(OWN);
    static final String SECOND_PROVIDER = Tokens.token("paul", "account-manager", OWN);
    static final String CLIENT = clientSide(OWN);
    static final String VIEWER = viewer(OWN);

    String contract;

    @BeforeEach
    void activeContractOfOwnClient() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
        contract = activeContract(OWN);
    }

    private String versions() {
        return contracts(OWN) + "/" + contract + "/versions";
    }

    @Test
    void raisingSideAloneNeverApplies() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("PENDING"))
                .body("providerDecision.decision", equalTo("APPROVED"))
                .body("providerDecision.by", equalTo("carol"))
                .body("clientDecision", nullValue()).body("appliedVersionNumber", nullValue());
        as(VIEWER).get(versions()).then().body("", hasSize(1));
    }

    @Test
    void otherSideAloneNeverApplies() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(CLIENT, url).then().statusCode(200).body("status", equalTo("PENDING"))
                .body("clientDecision.decision", equalTo("APPROVED")).body("providerDecision", nullValue());
        as(VIEWER).get(versions()).then().body("", hasSize(1));
        as(VIEWER).get(contracts(OWN) + "/" + contract + "/terms").then().body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void bothApprovalsApplyTheChangeAsTheNextVersion() {
        String url = raised(CLIENT, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200).body("status", equalTo("PENDING"));
        approve(CLIENT, url).then().statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("appliedVersionNumber", equalTo(2)).body("appliedAmendmentNumber", equalTo(1))
                .body("closedBy", equalTo("alice")).body("closedAt", notNullValue());
        as(VIEWER).get(versions()).then().statusCode(200).body("", hasSize(2))
                .body("[1].number", equalTo(2)).body("[1].amendmentNumber", equalTo(1))
                .body("[1].effectiveFrom", equalTo("2026-06-01"))
                .body("[1].changeRequestId", equalTo(idOf(url)));
        as(VIEWER).get(versions() + "/1/diff/2").then().statusCode(200)
                .body("find { it.path == '/slas/0/target' }.value", equalTo(85));
        as(VIEWER).get(contracts(OWN) + "/" + contract + "/terms").then()
                .body("versionNumber", equalTo(2)).body("amendmentNumber", equalTo(1))
                .body("terms.slas[0].target", equalTo(85));
    }

    @Test
    void approvalNeedsNoBody() throws Exception {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        // as curl -X POST sends it: no body, no Content-Type
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + url + "/approve"))
                .header("Authorization", "Bearer " + CLIENT).header("If-Match", "\"0\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        as(VIEWER).get(url).then().body("clientDecision.decision", equalTo("APPROVED"))
                .body("clientDecision.comment", nullValue());
    }

    @Test
    void decisionBodyIsStrictJson() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        as(CLIENT).header("If-Match", "\"0\"").body("{\"comment\": ").post(url + "/approve")
                .then().statusCode(400).contentType(PROBLEM);
        as(CLIENT).header("If-Match", "\"0\"").body(Map.of("note", "ok")).post(url + "/approve")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        as(CLIENT).header("If-Match", "\"0\"").body(Map.of("comment", 42)).post(url + "/approve")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        as(CLIENT).header("If-Match", "\"0\"").body(Map.of("comment", "x".repeat(2001))).post(url + "/reject")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        as(VIEWER).get(url).then().body("version", equalTo(0)).body("clientDecision", nullValue());
    }

    @Test
    void approvalWithAComment() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        as(CLIENT).header("If-Match", etag(CLIENT, url)).body(Map.of("comment", "Agreed at the steering committee"))
                .post(url + "/approve").then().statusCode(200)
                .body("clientDecision.comment", equalTo("Agreed at the steering committee"));
    }

    @Test
    void samePartyApprovingTwiceIsAConflict() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200);
        approve(PROVIDER, url).then().statusCode(409).contentType(PROBLEM).body("type", endsWith("already-decided"));
        as(VIEWER).get(url).then().body("status", equalTo("PENDING")).body("version", equalTo(1));
    }

    @Test
    void anotherUserOfTheSameSideCannotDecideAgain() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200);
        approve(SECOND_PROVIDER, url).then().statusCode(409).body("type", endsWith("already-decided"));
        reject(SECOND_PROVIDER, url, "Changed my mind").then().statusCode(409).body("type", endsWith("already-decided"));
        as(VIEWER).get(versions()).then().body("", hasSize(1));
    }

    @Test
    void viewerCannotDecide() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        as(VIEWER).header("If-Match", "\"0\"").post(url + "/approve").then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("role-forbidden"));
        as(VIEWER).header("If-Match", "\"0\"").body(Map.of("comment", "no")).post(url + "/reject")
                .then().statusCode(403);
        as(VIEWER).header("If-Match", "\"0\"").post(url + "/withdraw").then().statusCode(403);
        as(Tokens.token("dave", "agent", OWN)).header("If-Match", "\"0\"").post(url + "/approve")
                .then().statusCode(403);
        as(VIEWER).get(url).then().body("version", equalTo(0));
    }

    @Test
    void tokenHoldingBothSidesRolesCannotApprove() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        String both = Tokens.withRoles("mallory", List.of("account-manager", "client-manager"), List.of(OWN));
        as(both).header("If-Match", "\"0\"").post(url + "/approve").then().statusCode(403)
                .body("type", endsWith("ambiguous-party"));
    }

    @Test
    void rejectedRequestIsFinal() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200);
        reject(CLIENT, url, "Not within this year's budget").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("clientDecision.decision", equalTo("REJECTED"))
                .body("clientDecision.comment", equalTo("Not within this year's budget"))
                .body("closedBy", equalTo("alice"));
        approve(CLIENT, url).then().statusCode(409).body("type", endsWith("already-decided"));
        withdraw(PROVIDER, url).then().statusCode(409).body("type", endsWith("change-request-closed"));
        as(VIEWER).get(versions()).then().body("", hasSize(1));
    }

    @Test
    void rejectionByTheRaisingSideIsFinalForTheOtherSide() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        reject(PROVIDER, url, "Raised by mistake").then().statusCode(200).body("status", equalTo("REJECTED"));
        approve(CLIENT, url).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("change-request-closed")).body("detail", containsString("final"));
        as(VIEWER).get(versions()).then().body("", hasSize(1));
    }

    @Test
    void rejectionNeedsAComment() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        reject(CLIENT, url, "  ").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("comment"));
        as(CLIENT).header("If-Match", "\"0\"").post(url + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        as(VIEWER).get(url).then().body("status", equalTo("PENDING")).body("clientDecision", nullValue());
    }

    @Test
    void raisingSideWithdrawsAPendingRequest() {
        String url = raised(CLIENT, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200);
        as(CLIENT).header("If-Match", etag(CLIENT, url)).body(Map.of("comment", "Superseded by the new tender"))
                .post(url + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("closedBy", equalTo("alice"))
                .body("closingComment", equalTo("Superseded by the new tender"));
        approve(CLIENT, url).then().statusCode(409).body("type", endsWith("change-request-closed"));
        as(VIEWER).get(versions()).then().body("", hasSize(1));
    }

    @Test
    void otherSideCannotWithdraw() {
        String url = raised(CLIENT, OWN, contract, "2026-06-01", 85);
        withdraw(PROVIDER, url).then().statusCode(403).contentType(PROBLEM).body("type", endsWith("not-raising-party"));
        as(VIEWER).get(url).then().body("status", equalTo("PENDING"));
    }

    @Test
    void appliedRequestCannotBeWithdrawn() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200);
        approve(CLIENT, url).then().statusCode(200).body("status", equalTo("APPLIED"));
        withdraw(PROVIDER, url).then().statusCode(409).body("type", endsWith("change-request-closed"));
    }

    @Test
    void requestBasedOnOutdatedTermsIsStaleOnceAnotherIsApplied() {
        String first = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        String second = raised(CLIENT, OWN, contract, "2026-07-01", 84);
        approve(CLIENT, second).then().statusCode(200);
        approve(PROVIDER, first).then().statusCode(200);
        approve(CLIENT, first).then().statusCode(200).body("status", equalTo("APPLIED"));

        as(VIEWER).get(second).then().body("status", equalTo("SUPERSEDED"))
                .body("supersededByVersionNumber", equalTo(2)).body("baseVersionNumber", equalTo(1));
        approve(PROVIDER, second).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("stale-change-request")).body("detail", containsString("raise a new"));
        as(VIEWER).get(versions()).then().body("", hasSize(2));
        as(VIEWER).queryParam("status", "PENDING").get(changeRequests(OWN, contract)).then().body("items", hasSize(0));
    }

    @Test
    void newRequestRaisedAfterAnAmendmentIsBasedOnIt() {
        String first = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, first).then().statusCode(200);
        approve(CLIENT, first).then().statusCode(200);
        String next = raised(CLIENT, OWN, contract, "2026-09-01", 88);
        as(VIEWER).get(next).then().body("baseVersionNumber", equalTo(2))
                .body("diff.find { it.path == '/slas/0/target' }.value", equalTo(88));
        approve(PROVIDER, next).then().statusCode(200);
        approve(CLIENT, next).then().statusCode(200).body("appliedVersionNumber", equalTo(3))
                .body("appliedAmendmentNumber", equalTo(2));
    }

    @Test
    void decisionsNeedIfMatch() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        as(PROVIDER).post(url + "/approve").then().statusCode(428).contentType(PROBLEM)
                .body("type", endsWith("precondition-required"));
        as(CLIENT).body(Map.of("comment", "no")).post(url + "/reject").then().statusCode(428);
        as(PROVIDER).post(url + "/withdraw").then().statusCode(428);
        as(VIEWER).get(url).then().body("version", equalTo(0));
    }

    @Test
    void decisionOnAStaleReadingIsAPreconditionFailure() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200);
        as(CLIENT).header("If-Match", "\"0\"").post(url + "/approve").then().statusCode(412).contentType(PROBLEM)
                .body("type", endsWith("precondition-failed"));
        as(CLIENT).header("If-Match", "\"0\"").body(Map.of("comment", "no")).post(url + "/reject")
                .then().statusCode(412);
        as(PROVIDER).header("If-Match", "\"0\"").post(url + "/withdraw").then().statusCode(412);
        as(VIEWER).get(url).then().body("status", equalTo("PENDING")).body("clientDecision", nullValue());
    }

    @Test
    void concurrentApprovalsOfTheSameSideSucceedOnce() throws Exception {
        String url = raised(CLIENT, OWN, contract, "2026-06-01", 85);
        List<Integer> statuses = race(
                () -> as(PROVIDER).header("If-Match", "\"0\"").post(url + "/approve").statusCode(),
                () -> as(SECOND_PROVIDER).header("If-Match", "\"0\"").post(url + "/approve").statusCode());
        assertEquals(1, Collections.frequency(statuses, 200), "successes among " + statuses);
        statuses.remove(Integer.valueOf(200));
        org.hamcrest.MatcherAssert.assertThat(statuses.get(0), anyOf(equalTo(409), equalTo(412)));
        as(VIEWER).get(url).then().body("status", equalTo("PENDING")).body("version", equalTo(1))
                .body("providerDecision.by", anyOf(equalTo("carol"), equalTo("paul")));
    }

    @Test
    void concurrentFinalApprovalsOfTwoRequestsApplyOnlyOne() throws Exception {
        String first = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        String second = raised(PROVIDER, OWN, contract, "2026-07-01", 84);
        approve(PROVIDER, first).then().statusCode(200);
        approve(PROVIDER, second).then().statusCode(200);
        List<Integer> statuses = race(
                () -> as(CLIENT).header("If-Match", "\"1\"").post(first + "/approve").statusCode(),
                () -> as(CLIENT).header("If-Match", "\"1\"").post(second + "/approve").statusCode());
        assertEquals(1, Collections.frequency(statuses, 200), "successes among " + statuses);
        as(VIEWER).get(versions()).then().body("", hasSize(2));
        as(VIEWER).get(changeRequests(OWN, contract)).then()
                .body("items.status", hasItem("APPLIED")).body("items.status", hasItem("SUPERSEDED"));
    }

    @Test
    void decisionsOnAnotherClientsChangeRequestAreNotFound() {
        String foreignContract = activeContract(OTHER);
        String foreign = raised(provider(OTHER), OTHER, foreignContract, "2026-06-01", 85);
        String id = idOf(foreign);
        for (String contractInPath : List.of(contract, foreignContract)) {
            String url = changeRequests(OWN, contractInPath) + "/" + id;
            as(PROVIDER).header("If-Match", "\"0\"").post(url + "/approve").then().statusCode(404).contentType(PROBLEM);
            as(CLIENT).header("If-Match", "\"0\"").body(Map.of("comment", "no")).post(url + "/reject")
                    .then().statusCode(404);
            as(PROVIDER).header("If-Match", "\"0\"").post(url + "/withdraw").then().statusCode(404);
        }
        as(provider(OTHER)).get(foreign).then().statusCode(200).body("status", equalTo("PENDING"))
                .body("version", equalTo(0)).body("providerDecision", nullValue());
    }

    @Test
    void decisionsUnderAnotherClientsPathAreForbidden() {
        String foreignContract = activeContract(OTHER);
        String foreign = raised(provider(OTHER), OTHER, foreignContract, "2026-06-01", 85);
        as(PROVIDER).header("If-Match", "\"0\"").post(foreign + "/approve").then().statusCode(403)
                .body("type", endsWith("tenant-forbidden"));
        as(PROVIDER).get(foreign).then().statusCode(403);
    }

    @Test
    void decisionsOnATerminatedContractCannotApply() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(PROVIDER, url).then().statusCode(200);
        String etag = as(PROVIDER).get(contracts(OWN) + "/" + contract).then().extract().header("ETag");
        as(PROVIDER).header("If-Match", etag).post(contracts(OWN) + "/" + contract + "/terminate")
                .then().statusCode(200);
        approve(CLIENT, url).then().statusCode(409).body("type", endsWith("contract-closed"));
        as(VIEWER).get(versions()).then().body("", hasSize(1));
    }

    @Test
    void listShowsEachSidesDecision() {
        String url = raised(PROVIDER, OWN, contract, "2026-06-01", 85);
        approve(CLIENT, url).then().statusCode(200);
        as(VIEWER).get(changeRequests(OWN, contract)).then().statusCode(200)
                .body("items.clientDecision.decision", contains("APPROVED"))
                .body("items[0].providerDecision", nullValue());
    }

    @SafeVarargs
    private static List<Integer> race(Callable<Integer>... requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}

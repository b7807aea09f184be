package io.bpo.contracts.contract;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.terms.TermsDocs.contractWithTerms;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.bpo.contracts.Api;
import io.bpo.contracts.terms.TermsDocs;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DRAFT → ACTIVE → SUSPENDED ⇄ ACTIVE → TERMINATED, EXPIRED by the calendar, and nothing else. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class LifecycleTest {
    static final String OWN = "lc-own";
    static final String OTHER = "lc-other";
    static final String PROBLEM = "application/problem+json";
    static final String MANAGER = Tokens.token("carol", "account-manager", OWN);
    static final String CLIENT_MANAGER = Tokens.token("alice", "client-manager", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "account-manager", OTHER);

    @BeforeEach
    void clients() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
    }

    private static String base(String clientId) {
        return "/api/v1/clients/" + clientId + "/contracts";
    }

    private static String reference() {
        return "LC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A DRAFT whose terms name a process in scope, so it may be activated. */
    private static String draft(String token, String clientId) {
        return as(token).body(contractWithTerms(reference(), TermsDocs.terms())).post(base(clientId))
                .then().statusCode(201).extract().path("id");
    }

    private static Response move(String token, String contractId, String transition, long etag) {
        return as(token).header("If-Match", "\"" + etag + "\"")
                .post(base(OWN) + "/" + contractId + "/" + transition);
    }

    private static String active() {
        String id = draft(MANAGER, OWN);
        move(MANAGER, id, "activate", 0).then().statusCode(200);
        return id;
    }

    private static void assertStatus(String contractId, String status, long version) {
        as(VIEWER).get(base(OWN) + "/" + contractId).then().statusCode(200)
                .body("status", equalTo(status)).header("ETag", equalTo("\"" + version + "\""));
    }

    // ---- legal moves ---------------------------------------------------------------------------------------

    @Test
    void accountManagerActivatesADraftWhoseTermsNameAProcessInScope() {
        String id = draft(CLIENT_MANAGER, OWN);
        move(MANAGER, id, "activate", 0).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("status", equalTo("ACTIVE")).body("version", equalTo(1));
        assertStatus(id, "ACTIVE", 1);
    }

    @Test
    void activeContractIsSuspendedAndResumed() {
        String id = active();
        move(MANAGER, id, "suspend", 1).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        assertStatus(id, "SUSPENDED", 2);
        move(MANAGER, id, "resume", 2).then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertStatus(id, "ACTIVE", 3);
    }

    @Test
    void activeContractIsTerminated() {
        String id = active();
        move(MANAGER, id, "terminate", 1).then().statusCode(200).body("status", equalTo("TERMINATED"));
        assertStatus(id, "TERMINATED", 2);
    }

    @Test
    void suspendedContractIsTerminated() {
        String id = active();
        move(MANAGER, id, "suspend", 1).then().statusCode(200);
        move(MANAGER, id, "terminate", 2).then().statusCode(200).body("status", equalTo("TERMINATED"));
    }

    // ---- activation needs complete terms -------------------------------------------------------------------

    @Test
    void draftWithSkeletonTermsCannotBeActivated() {
        String id = as(MANAGER).body(Api.contract(reference())).post(base(OWN)).then().statusCode(201)
                .extract().path("id");
        move(MANAGER, id, "activate", 0).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("terms-incomplete"));
        assertStatus(id, "DRAFT", 0);
    }

    @Test
    void draftWhoseProcessesAreAllOutOfScopeCannotBeActivated() {
        Map<String, Object> terms = TermsDocs.set(TermsDocs.terms(), "scope[0].inScope", false);
        String id = as(MANAGER).body(contractWithTerms(reference(), terms)).post(base(OWN)).then().statusCode(201)
                .extract().path("id");
        move(MANAGER, id, "activate", 0).then().statusCode(409).body("type", endsWith("terms-incomplete"));
    }

    // ---- illegal moves -------------------------------------------------------------------------------------

    @Test
    void activatingAnActiveContractIsIllegal() {
        String id = active();
        move(MANAGER, id, "activate", 1).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("illegal-transition"));
        assertStatus(id, "ACTIVE", 1);
    }

    @Test
    void resumingADraftIsIllegal() {
        String id = draft(MANAGER, OWN);
        move(MANAGER, id, "resume", 0).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("illegal-transition"));
        assertStatus(id, "DRAFT", 0);
    }

    @Test
    void resumingAnActiveContractIsIllegal() {
        String id = active();
        move(MANAGER, id, "resume", 1).then().statusCode(409).body("type", endsWith("illegal-transition"));
    }

    @Test
    void activatingASuspendedContractIsIllegalResumeIsTheWay() {
        String id = active();
        move(MANAGER, id, "suspend", 1).then().statusCode(200);
        move(MANAGER, id, "activate", 2).then().statusCode(409).body("type", endsWith("illegal-transition"));
        assertStatus(id, "SUSPENDED", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"suspend", "terminate"})
    void draftCanOnlyBeActivated(String transition) {
        String id = draft(MANAGER, OWN);
        move(MANAGER, id, transition, 0).then().statusCode(409).body("type", endsWith("illegal-transition"));
        assertStatus(id, "DRAFT", 0);
    }

    @Test
    void suspendingASuspendedContractIsIllegal() {
        String id = active();
        move(MANAGER, id, "suspend", 1).then().statusCode(200);
        move(MANAGER, id, "suspend", 2).then().statusCode(409).body("type", endsWith("illegal-transition"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"activate", "suspend", "resume", "terminate"})
    void nothingFollowsTermination(String transition) {
        String id = active();
        move(MANAGER, id, "terminate", 1).then().statusCode(200);
        move(MANAGER, id, transition, 2).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("illegal-transition"));
        assertStatus(id, "TERMINATED", 2);
    }

    @Test
    void unknownTransitionIsNotARoute() {
        String id = draft(MANAGER, OWN);
        move(MANAGER, id, "archive", 0).then().statusCode(404);
        assertStatus(id, "DRAFT", 0);
    }

    // ---- preconditions and roles ---------------------------------------------------------------------------

    @Test
    void transitionWithoutIfMatchIsPreconditionRequired() {
        String id = draft(MANAGER, OWN);
        as(MANAGER).post(base(OWN) + "/" + id + "/activate").then().statusCode(428).contentType(PROBLEM)
                .body("type", endsWith("precondition-required"));
        assertStatus(id, "DRAFT", 0);
    }

    @Test
    void transitionWithAStaleIfMatchIsPreconditionFailed() {
        String id = active();
        move(MANAGER, id, "suspend", 0).then().statusCode(412).contentType(PROBLEM)
                .body("type", endsWith("precondition-failed"));
        assertStatus(id, "ACTIVE", 1);
    }

    @Test
    void onlyAnAccountManagerMovesTheLifecycle() {
        String id = draft(MANAGER, OWN);
        move(CLIENT_MANAGER, id, "activate", 0).then().statusCode(403).contentType(PROBLEM);
        move(VIEWER, id, "activate", 0).then().statusCode(403);
        move(Tokens.token("dave", "agent", OWN), id, "activate", 0).then().statusCode(403);
        assertStatus(id, "DRAFT", 0);
    }

    // ---- EXPIRED by the calendar ---------------------------------------------------------------------------

    private static String expired() {
        Map<String, Object> past = TermsDocs.terms(LocalDate.parse("2020-01-01"), LocalDate.parse("2021-12-31"), 90);
        String id = as(MANAGER).body(contractWithTerms(reference(), past)).post(base(OWN)).then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        move(MANAGER, id, "activate", 0).then().statusCode(200).body("status", equalTo("EXPIRED"));
        return id;
    }

    @Test
    void activeContractPastItsEndDateReadsExpired() {
        String id = expired();
        assertStatus(id, "EXPIRED", 1);
        as(VIEWER).get(base(OWN) + "/" + id + "/terms").then().body("status", equalTo("EXPIRED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"suspend", "terminate", "resume", "activate"})
    void expiredContractCannotMove(String transition) {
        String id = expired();
        move(MANAGER, id, transition, 1).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("illegal-transition"));
    }

    @Test
    void expiredContractCannotBeEdited() {
        String id = expired();
        String reference = as(VIEWER).get(base(OWN) + "/" + id).path("reference");
        Map<String, Object> body = new HashMap<>(Api.contract(reference));
        body.put("startDate", "2020-01-01");
        body.put("endDate", "2021-12-31");
        body.put("title", "Renamed");
        as(MANAGER).header("If-Match", "\"1\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(409).body("type", endsWith("contract-closed"));
    }

    // ---- editing the contract along its lifecycle ----------------------------------------------------------

    private static Map<String, Object> editOf(String contractId) {
        Response current = as(VIEWER).get(base(OWN) + "/" + contractId);
        Map<String, Object> body = new HashMap<>(Api.contract(current.path("reference")));
        body.put("startDate", current.path("startDate"));
        body.put("endDate", current.path("endDate"));
        return body;
    }

    @Test
    void titleOfAnActiveContractIsEditable() {
        String id = active();
        Map<String, Object> body = editOf(id);
        body.put("title", "Customer service, Tunis and Rabat");
        as(MANAGER).header("If-Match", "\"1\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(200).body("title", equalTo("Customer service, Tunis and Rabat"))
                .body("status", equalTo("ACTIVE")).header("ETag", equalTo("\"2\""));
    }

    @Test
    void datesOfAnActiveContractChangeOnlyThroughTheTerms() {
        String id = active();
        Map<String, Object> body = editOf(id);
        body.put("endDate", "2028-12-31");
        as(MANAGER).header("If-Match", "\"1\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("type", endsWith("contract-not-draft"));
        as(VIEWER).get(base(OWN) + "/" + id).then().body("endDate", equalTo("2027-12-31"));
    }

    @Test
    void whatThePartiesAgreedOnIsNotEditableOnAnActiveContractAndTheRefusalNamesIt() {
        String id = active();
        Map<String, Object> body = editOf(id);
        body.put("currency", "USD");
        body.put("deliveryCountry", "MA");
        body.put("title", "Sneaky rename");
        as(MANAGER).header("If-Match", "\"1\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("type", endsWith("contract-not-draft"))
                .body("errors.field", containsInAnyOrder("currency", "deliveryCountry"));
        as(VIEWER).get(base(OWN) + "/" + id).then().body("currency", equalTo("EUR"))
                .body("deliveryCountry", not(equalTo("MA"))).body("title", not(equalTo("Sneaky rename")))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void datesOfASuspendedContractAreNotEditableEither() {
        String id = active();
        move(MANAGER, id, "suspend", 1).then().statusCode(200);
        Map<String, Object> body = editOf(id);
        body.put("startDate", "2026-02-01");
        as(MANAGER).header("If-Match", "\"2\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(409).body("type", endsWith("contract-not-draft"));
    }

    @Test
    void terminatedContractCannotBeEdited() {
        String id = active();
        move(MANAGER, id, "terminate", 1).then().statusCode(200);
        Map<String, Object> body = editOf(id);
        body.put("title", "Renamed");
        as(MANAGER).header("If-Match", "\"2\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(409).body("type", endsWith("contract-closed"));
    }

    @Test
    void datesOfADraftFollowIntoItsTerms() {
        String id = draft(MANAGER, OWN);
        Map<String, Object> body = editOf(id);
        body.put("startDate", "2026-02-01");
        body.put("endDate", "2028-06-30");
        as(MANAGER).header("If-Match", "\"0\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(200).body("startDate", equalTo("2026-02-01")).body("endDate", equalTo("2028-06-30"));
        as(VIEWER).get(base(OWN) + "/" + id + "/terms").then().statusCode(200)
                .header("ETag", equalTo("\"1.1\""))
                .body("effectiveFrom", equalTo("2026-02-01"))
                .body("terms.term.startDate", equalTo("2026-02-01")).body("terms.term.endDate", equalTo("2028-06-30"))
                .body("terms.term.noticePeriodDays", equalTo(90))
                .body("terms.slas[0].target", equalTo(80));
    }

    @Test
    void draftDatesThatWouldBreakItsTermsAreRefused() {
        String id = draft(MANAGER, OWN);
        Map<String, Object> body = editOf(id);
        body.put("endDate", "2026-02-15");
        as(MANAGER).header("If-Match", "\"0\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("terms.term.noticePeriodDays"));
        as(VIEWER).get(base(OWN) + "/" + id).then().body("endDate", equalTo("2027-12-31"))
                .header("ETag", equalTo("\"0\""));
    }

    @Test
    void termsAreNotWrittenThroughTheContract() {
        String id = draft(MANAGER, OWN);
        Map<String, Object> body = editOf(id);
        body.put("terms", TermsDocs.terms());
        as(MANAGER).header("If-Match", "\"0\"").body(body).put(base(OWN) + "/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("terms"));
    }

    // ---- isolation -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"activate", "suspend", "resume", "terminate"})
    void anotherClientsPathIsForbidden(String transition) {
        String theirs = draft(OTHER_MANAGER, OTHER);
        as(MANAGER).header("If-Match", "\"0\"").post(base(OTHER) + "/" + theirs + "/" + transition)
                .then().statusCode(403).contentType(PROBLEM).body("type", endsWith("tenant-forbidden"));
        as(OTHER_MANAGER).get(base(OTHER) + "/" + theirs).then().body("status", equalTo("DRAFT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"activate", "suspend", "resume", "terminate"})
    void anotherClientsContractUnderOwnPathIsNotFound(String transition) {
        String theirs = draft(OTHER_MANAGER, OTHER);
        move(MANAGER, theirs, transition, 0).then().statusCode(404).contentType(PROBLEM);
        as(OTHER_MANAGER).get(base(OTHER) + "/" + theirs).then().body("status", equalTo("DRAFT"))
                .header("ETag", equalTo("\"0\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"activate", "suspend", "resume", "terminate"})
    void withoutTokenIsUnauthorized(String transition) {
        String id = draft(MANAGER, OWN);
        given().header("If-Match", "\"0\"").post(base(OWN) + "/" + id + "/" + transition)
                .then().statusCode(401).contentType(PROBLEM);
        assertStatus(id, "DRAFT", 0);
    }
}

package io.bpo.contracts.contract;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.terms.TermsDocs.contractWithTerms;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.bpo.contracts.Api;
import io.bpo.contracts.terms.TermsDocs;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upcoming notice dates (end date minus notice period) and end dates of a client's running contracts. Dates are
 * relative to today (UTC); each test owns a client so its list holds exactly its own contracts.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadlinesTest {
    static final String PROBLEM = "application/problem+json";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static String manager(String clientId) {
        Api.onboard(clientId);
        return Tokens.token("carol", "account-manager", clientId);
    }

    private static String deadlines(String clientId) {
        return "/api/v1/clients/" + clientId + "/contracts/deadlines";
    }

    /** A DRAFT that started 100 days ago and ends in {@code endsIn} days, with the given notice period. */
    private static String contract(String token, String clientId, int endsIn, int noticeDays) {
        Map<String, Object> terms = TermsDocs.terms(TODAY.minusDays(100), TODAY.plusDays(endsIn), noticeDays);
        return as(token).body(contractWithTerms("DL-" + UUID.randomUUID().toString().substring(0, 8), terms))
                .post("/api/v1/clients/" + clientId + "/contracts").then().statusCode(201).extract().path("id");
    }

    private static void move(String token, String clientId, String id, String transition, long etag) {
        as(token).header("If-Match", "\"" + etag + "\"")
                .post("/api/v1/clients/" + clientId + "/contracts/" + id + "/" + transition).then().statusCode(200);
    }

    private static String in(int days) {
        return TODAY.plusDays(days).toString();
    }

    @Test
    void noticeAndEndDatesWithinTheHorizonAreListedSoonestFirst() {
        String client = "dl-order";
        String token = manager(client);
        String later = contract(token, client, 30, 10);
        String sooner = contract(token, client, 15, 5);
        contract(token, client, 200, 90);
        as(token).get(deadlines(client) + "?withinDays=60").then().statusCode(200)
                .body("contractId", contains(sooner, sooner, later, later))
                .body("kind", contains("NOTICE", "END", "NOTICE", "END"))
                .body("date", contains(in(10), in(15), in(20), in(30)))
                .body("daysLeft", contains(10, 15, 20, 30));
    }

    @Test
    void deadlineNamesItsContract() {
        String client = "dl-named";
        String token = manager(client);
        String id = contract(token, client, 20, 10);
        String reference = as(token).get("/api/v1/clients/" + client + "/contracts/" + id).path("reference");
        as(token).get(deadlines(client)).then().statusCode(200)
                .body("[0].contractId", equalTo(id)).body("[0].reference", equalTo(reference))
                .body("[0].title", equalTo("Customer service " + reference));
    }

    @Test
    void horizonCutsTheList() {
        String client = "dl-horizon";
        String token = manager(client);
        String id = contract(token, client, 15, 5);
        as(token).get(deadlines(client) + "?withinDays=12").then().statusCode(200)
                .body("contractId", contains(id)).body("kind", contains("NOTICE"));
        as(token).get(deadlines(client) + "?withinDays=15").then().body("kind", contains("NOTICE", "END"));
        as(token).get(deadlines(client) + "?withinDays=9").then().body("$", empty());
    }

    @Test
    void defaultHorizonIsNinetyDays() {
        String client = "dl-default";
        String token = manager(client);
        String within = contract(token, client, 90, 1);
        contract(token, client, 91, 0);
        as(token).get(deadlines(client)).then().statusCode(200)
                .body("contractId", contains(within, within)).body("date", contains(in(89), in(90)));
    }

    @Test
    void deadlinesFallingTodayAreListedWithZeroDaysLeft() {
        String client = "dl-today";
        String token = manager(client);
        String id = contract(token, client, 0, 0);
        as(token).get(deadlines(client) + "?withinDays=0").then().statusCode(200)
                .body("contractId", contains(id, id)).body("daysLeft", contains(0, 0))
                .body("kind", contains("NOTICE", "END"));
    }

    @Test
    void passedNoticeDateIsNotListedButTheEndDateIs() {
        String client = "dl-passed";
        String token = manager(client);
        String id = contract(token, client, 5, 30);
        as(token).get(deadlines(client)).then().statusCode(200)
                .body("contractId", contains(id)).body("kind", contains("END"));
    }

    @Test
    void onlyDraftActiveAndSuspendedContractsHaveDeadlines() {
        String client = "dl-status";
        String token = manager(client);
        String draft = contract(token, client, 10, 1);
        String active = contract(token, client, 20, 1);
        move(token, client, active, "activate", 0);
        String suspended = contract(token, client, 30, 1);
        move(token, client, suspended, "activate", 0);
        move(token, client, suspended, "suspend", 1);
        String terminated = contract(token, client, 40, 1);
        move(token, client, terminated, "activate", 0);
        move(token, client, terminated, "terminate", 1);
        as(token).get(deadlines(client)).then().statusCode(200)
                .body("contractId", contains(draft, draft, active, active, suspended, suspended));
    }

    @Test
    void contractWithoutTermsHasTheNoticeDeadlineOfItsDraftTerms() {
        String client = "dl-skeleton";
        String token = manager(client);
        Map<String, Object> body = new HashMap<>(Api.contract("DL-SKELETON"));
        body.put("startDate", TODAY.minusDays(100).toString());
        body.put("endDate", TODAY.plusDays(100).toString());
        String id = as(token).body(body).post("/api/v1/clients/" + client + "/contracts").then().statusCode(201)
                .extract().path("id");
        as(token).get(deadlines(client) + "?withinDays=120").then().statusCode(200)
                .body("contractId", contains(id, id)).body("kind", contains("NOTICE", "END"))
                .body("date", contains(in(10), in(100)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "3651", "1.5", "9999999999"})
    void withinDaysOutsideZeroTo3650IsABadRequestNamingIt(String withinDays) {
        String client = "dl-valid";
        String token = manager(client);
        as(token).get(deadlines(client) + "?withinDays=" + withinDays).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("withinDays"));
    }

    @Test
    void withinDaysUpTo3650IsAccepted() {
        String client = "dl-valid";
        String token = manager(client);
        as(token).get(deadlines(client) + "?withinDays=3650").then().statusCode(200);
    }

    @Test
    void clientSideReadsDeadlinesAgentDoesNot() {
        String client = "dl-roles";
        Api.onboard(client);
        as(Tokens.token("alice", "client-manager", client)).get(deadlines(client)).then().statusCode(200);
        as(Tokens.token("victor", "client-viewer", client)).get(deadlines(client)).then().statusCode(200);
        as(Tokens.token("dave", "agent", client)).get(deadlines(client)).then().statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void anotherClientsDeadlinesAreForbidden() {
        String theirs = "dl-theirs";
        String theirToken = manager(theirs);
        contract(theirToken, theirs, 10, 1);
        String mine = "dl-mine";
        as(manager(mine)).get(deadlines(theirs)).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("tenant-forbidden"));
        as(manager(mine)).get(deadlines(mine)).then().statusCode(200).body("$", empty());
    }

    @Test
    void withoutTokenIsUnauthorized() {
        Api.onboard("dl-anon");
        given().get(deadlines("dl-anon")).then().statusCode(401).contentType(PROBLEM);
    }
}

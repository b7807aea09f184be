package io.bpo.contracts.contract;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.Api.contract;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ContractResourceTest {
    static final String OWN = "ct-own";
    static final String OTHER = "ct-other";
    static final String PROBLEM = "application/problem+json";
    static final String MANAGER = Tokens.token("alice", "account-manager", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "account-manager", OTHER);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);

    @BeforeEach
    void clients() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
    }

    private static String base(String clientId) {
        return "/api/v1/clients/" + clientId + "/contracts";
    }

    private static Response create(String token, String clientId, Map<String, Object> body) {
        return as(token).body(body).post(base(clientId));
    }

    private static String reference() {
        return "REF-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createReturnsTheContractWithLocationAndETag() {
        String reference = reference();
        create(MANAGER, OWN, contract(reference))
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", org.hamcrest.Matchers.containsString(base(OWN) + "/"))
                .body("reference", equalTo(reference)).body("clientId", equalTo(OWN))
                .body("status", equalTo("DRAFT")).body("deliveryModel", equalTo("OUTSOURCED"))
                .body("startDate", equalTo("2026-01-01"));
    }

    @Test
    void createdContractCanBeReadBack() {
        String id = create(MANAGER, OWN, contract(reference())).then().statusCode(201).extract().path("id");
        as(VIEWER).get(base(OWN) + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("id", equalTo(id));
    }

    @Test
    void listIsPagedInCreationOrder() {
        String client = "ct-paging";
        Api.onboard(client);
        String token = Tokens.token("alice", "account-manager", client);
        for (int i = 0; i < 3; i++) {
            create(token, client, contract("PAGE-" + i)).then().statusCode(201);
        }
        String next = as(token).get(base(client) + "?limit=2")
                .then().statusCode(200).body("items.reference", contains("PAGE-0", "PAGE-1"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(token).queryParam("cursor", next).get(base(client) + "?limit=2")
                .then().statusCode(200).body("items.reference", contains("PAGE-2")).body("nextCursor", nullValue());
    }

    @Test
    void listRejectsBadPagingParameters() {
        as(VIEWER).get(base(OWN) + "?limit=1000").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        as(VIEWER).get(base(OWN) + "?limit=ten").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        as(VIEWER).get(base(OWN) + "?cursor=@@@").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void updateNeedsTheCurrentETag() {
        String id = create(MANAGER, OWN, contract(reference())).then().statusCode(201).extract().path("id");
        Map<String, Object> changed = new HashMap<>(contract(reference()));
        changed.put("title", "Renamed");
        as(MANAGER).body(changed).put(base(OWN) + "/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        as(MANAGER).header("If-Match", "\"7\"").body(changed).put(base(OWN) + "/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        as(MANAGER).header("If-Match", "\"0\"").body(changed).put(base(OWN) + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("title", equalTo("Renamed"));
        as(MANAGER).header("If-Match", "\"0\"").body(changed).put(base(OWN) + "/" + id)
                .then().statusCode(412);
        as(VIEWER).get(base(OWN) + "/" + id).then().body("title", equalTo("Renamed")).body("version", equalTo(1));
    }

    @Test
    void ifMatchStarIsRefusedBecauseItWouldOverwriteChangesUnseen() {
        String id = create(MANAGER, OWN, contract(reference())).then().statusCode(201).extract().path("id");
        Map<String, Object> changed = new HashMap<>(contract(reference()));
        changed.put("title", "Any version");
        as(MANAGER).header("If-Match", "*").body(changed).put(base(OWN) + "/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match: *"));
        as(VIEWER).get(base(OWN) + "/" + id).then().body("version", equalTo(0)).body("title", not(equalTo("Any version")));
    }

    @Test
    void duplicateReferenceConflicts() {
        String reference = reference();
        create(MANAGER, OWN, contract(reference)).then().statusCode(201);
        create(MANAGER, OWN, contract(reference)).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("contract-reference-taken"));
    }

    @Test
    void sameReferenceIsFineForAnotherClient() {
        String reference = reference();
        create(MANAGER, OWN, contract(reference)).then().statusCode(201);
        create(OTHER_MANAGER, OTHER, contract(reference)).then().statusCode(201);
    }

    @Test
    void validationErrorsNameEachField() {
        Map<String, Object> bad = new HashMap<>(contract(reference()));
        bad.put("deliveryCountry", "ZZ");
        bad.put("currency", "EURO");
        bad.put("endDate", "2025-01-01");
        bad.remove("title");
        create(MANAGER, OWN, bad).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("currency", "deliveryCountry", "endDate", "title"));
    }

    @Test
    void unknownEnumValueIsA400NamingTheField() {
        Map<String, Object> bad = new HashMap<>(contract(reference()));
        bad.put("deliveryModel", "TELEPORTED");
        create(MANAGER, OWN, bad).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("deliveryModel"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("OUTSOURCED"));
    }

    @Test
    void wrongTypesAndMalformedJsonAreA400() {
        Map<String, Object> bad = new HashMap<>(contract(reference()));
        bad.put("startDate", "first of january");
        create(MANAGER, OWN, bad).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("startDate"))
                .body("errors[0].reason", equalTo("must be a date (YYYY-MM-DD)"));
        as(MANAGER).body("{\"reference\": ").post(base(OWN)).then().statusCode(400).contentType(PROBLEM);
        as(MANAGER).body("[1,2]").post(base(OWN)).then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> numericEnum = new HashMap<>(contract(reference()));
        numericEnum.put("engagementType", 0);
        create(MANAGER, OWN, numericEnum).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("engagementType"));
        Map<String, Object> numericText = new HashMap<>(contract(reference()));
        numericText.put("title", 42);
        create(MANAGER, OWN, numericText).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"));
        Map<String, Object> unknown = new HashMap<>(contract(reference()));
        unknown.put("discount", 12);
        create(MANAGER, OWN, unknown).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("discount"));
    }

    @Test
    void invalidUuidIsANotFound() {
        as(VIEWER).get(base(OWN) + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // Announced size over the limit: the server answers before reading the body (Expect: 100-continue).
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + base(OWN)))
                .expectContinue(true)
                .header("Authorization", "Bearer " + MANAGER).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build();
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        // Quarkus refuses it before any route runs, so the status is all a service gives; the gateway, the public
        // entry point, answers the same case with problem+json (see the gateway's tests).
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode());
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().get(base(OWN)).then().statusCode(401).contentType(PROBLEM);
        given().contentType("application/json").body(contract(reference())).post(base(OWN))
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void viewerMayReadButNotWrite() {
        as(VIEWER).get(base(OWN)).then().statusCode(200);
        create(VIEWER, OWN, contract(reference())).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void agentAuditorAndProviderAdminSeeNoContracts() {
        as(Tokens.token("dave", "agent", OWN)).get(base(OWN)).then().statusCode(403);
        as(Tokens.token("erin", "auditor", OWN)).get(base(OWN)).then().statusCode(403);
        as(Api.ADMIN).get(base(OWN)).then().statusCode(403);
    }

    @Test
    void anotherClientsPathIsForbidden() {
        create(MANAGER, OTHER, contract(reference())).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("tenant-forbidden"));
        as(MANAGER).get(base(OTHER)).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anotherClientsContractIdUnderOwnPathIsNotFound() {
        String foreign = create(OTHER_MANAGER, OTHER, contract(reference())).then().statusCode(201)
                .extract().path("id");
        as(MANAGER).get(base(OWN) + "/" + foreign).then().statusCode(404).contentType(PROBLEM);
        as(MANAGER).header("If-Match", "\"0\"").body(contract(reference())).put(base(OWN) + "/" + foreign)
                .then().statusCode(404).contentType(PROBLEM);
        as(OTHER_MANAGER).get(base(OTHER) + "/" + foreign)
                .then().statusCode(200).body("title", not(equalTo("hijacked")));
        as(MANAGER).get(base(OWN)).then().body("items.id", not(hasItem(foreign)));
    }

    @Test
    void idempotentCreateReplaysTheFirstResponse() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = contract(reference());
        String first = as(MANAGER).header("Idempotency-Key", key).body(body).post(base(OWN))
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        as(MANAGER).header("Idempotency-Key", key).body(body).post(base(OWN))
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(MANAGER).get(base(OWN) + "?limit=200").then()
                .body("items.findAll { it.reference == '" + body.get("reference") + "' }", hasSize(1));
    }

    @Test
    void idempotencyKeyReusedWithAnotherBodyIsA422() {
        String key = "key-" + UUID.randomUUID();
        as(MANAGER).header("Idempotency-Key", key).body(contract(reference())).post(base(OWN)).then().statusCode(201);
        as(MANAGER).header("Idempotency-Key", key).body(contract(reference())).post(base(OWN))
                .then().statusCode(422).contentType(PROBLEM).body("type", endsWith("idempotency-key-reused"));
    }

    @Test
    void idempotencyKeysAreScopedByClient() {
        String key = "shared-" + UUID.randomUUID();
        String reference = reference();
        String mine = as(MANAGER).header("Idempotency-Key", key).body(contract(reference)).post(base(OWN))
                .then().statusCode(201).extract().path("id");
        as(OTHER_MANAGER).header("Idempotency-Key", key).body(contract(reference)).post(base(OTHER))
                .then().statusCode(201).header("Idempotent-Replayed", "false").body("id", not(equalTo(mine)))
                .body("clientId", equalTo(OTHER));
    }

    @Test
    void idempotencyKeysAreScopedByCallerWithinOneClient() {
        String key = "shared-" + UUID.randomUUID();
        Map<String, Object> body = contract(reference());
        String mine = as(MANAGER).header("Idempotency-Key", key).body(body).post(base(OWN))
                .then().statusCode(201).extract().path("id");
        String colleague = Tokens.token("amy", "client-manager", OWN);
        as(colleague).header("Idempotency-Key", key).body(contract(reference())).post(base(OWN))
                .then().statusCode(201).header("Idempotent-Replayed", "false").body("id", not(equalTo(mine)));
    }

    @Test
    void requestIdIsEchoedAndInProblems() {
        as(VIEWER).header("X-Request-Id", "test-req-42").get(base(OWN) + "/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", "test-req-42").body("requestId", equalTo("test-req-42"));
    }
}

package io.bpo.e2e;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients and contracts through the gateway with real tokens: every endpoint, its refusals and isolation. */
class ContractsIT extends PlatformClient {
    static String globexContract;

    @BeforeAll
    static void data() {
        ensureDemoClients();
        globexContract = as(CAROL).body(contract("E2E-GLOBEX-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/clients/" + GLOBEX + "/contracts").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> contract(String reference) {
        return new HashMap<>(Map.of("reference", reference, "title", "E2E contract " + reference,
                "engagementType", "BPO", "deliveryModel", "HOSTED", "deliveryCountry", "MA",
                "deliveryLocation", "NEARSHORE", "startDate", "2026-02-01", "endDate", "2027-01-31",
                "currency", "EUR"));
    }

    static String reference() {
        return "E2E-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void eachCallerListsExactlyTheClientsOfItsToken() {
        as(ALICE).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(ACME)));
        as(BOB).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(GLOBEX)));
        as(CAROL).get("/api/v1/clients").then().statusCode(200).body("items.id", equalTo(List.of(ACME, GLOBEX)));
        as(FRANK).get("/api/v1/clients?limit=200").then().statusCode(200).body("items.id", hasItems(ACME, GLOBEX));
    }

    @Test
    void onlyProviderAdminOnboards() {
        String id = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        as(FRANK).body(Map.of("id", id, "legalName", "E2E Client", "country", "SN"))
                .post("/api/v1/clients").then().statusCode(201).body("id", equalTo(id));
        as(FRANK).body(Map.of("id", id, "legalName", "E2E Client", "country", "SN"))
                .post("/api/v1/clients").then().statusCode(409).contentType(startsWith(PROBLEM_JSON));
        as(CAROL).body(Map.of("id", id + "-x", "legalName", "Nope", "country", "SN"))
                .post("/api/v1/clients").then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        as(FRANK).body(Map.of("id", "Bad Id", "legalName", "Nope", "country", "SN"))
                .post("/api/v1/clients").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void clientIsReadableByItsMembersOnly() {
        as(ALICE).get("/api/v1/clients/" + ACME).then().statusCode(200).body("id", equalTo(ACME));
        as(ALICE).get("/api/v1/clients/" + GLOBEX).then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        anonymous().get("/api/v1/clients/" + ACME).then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void contractLifecycleCreateReadListUpdate() {
        String reference = reference();
        String id = as(ALICE).body(contract(reference)).post("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(201).header("ETag", "\"0\"").body("status", equalTo("DRAFT"))
                .extract().path("id");
        as(CAROL).get("/api/v1/clients/" + ACME + "/contracts/" + id)
                .then().statusCode(200).body("reference", equalTo(reference));
        as(CAROL).get("/api/v1/clients/" + ACME + "/contracts?limit=200")
                .then().statusCode(200).body("items.id", hasItem(id));
        Map<String, Object> changed = contract(reference);
        changed.put("title", "Renamed through the gateway");
        as(CAROL).body(changed).put("/api/v1/clients/" + ACME + "/contracts/" + id)
                .then().statusCode(428).contentType(startsWith(PROBLEM_JSON));
        as(CAROL).header("If-Match", "\"0\"").body(changed).put("/api/v1/clients/" + ACME + "/contracts/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Renamed through the gateway"));
        as(ALICE).header("If-Match", "\"0\"").body(changed).put("/api/v1/clients/" + ACME + "/contracts/" + id)
                .then().statusCode(412).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void invalidContractNamesTheField() {
        Map<String, Object> bad = contract(reference());
        bad.put("currency", "EURO");
        as(ALICE).body(bad).post("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(400).contentType(startsWith(PROBLEM_JSON))
                .body("errors[0].field", equalTo("currency")).body("requestId", org.hamcrest.Matchers.notNullValue());
        as(ALICE).body("{\"reference\":").post("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(400).contentType(startsWith(PROBLEM_JSON));
        as(ALICE).get("/api/v1/clients/" + ACME + "/contracts/not-a-uuid")
                .then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void rolesWithoutContractAccessAreRefused() {
        as(DAVE).get("/api/v1/clients/" + ACME + "/contracts").then().statusCode(403)
                .contentType(startsWith(PROBLEM_JSON));
        as(DAVE).body(contract(reference())).post("/api/v1/clients/" + ACME + "/contracts").then().statusCode(403);
        as(INGEST_ACME).get("/api/v1/clients/" + ACME + "/contracts").then().statusCode(403);
        anonymous().body(contract(reference())).post("/api/v1/clients/" + ACME + "/contracts").then().statusCode(401);
    }

    @Test
    void anotherClientIsForbiddenAndItsContractsAreNotFound() {
        as(ALICE).get("/api/v1/clients/" + GLOBEX + "/contracts").then().statusCode(403)
                .body("type", endsWith("tenant-forbidden"));
        as(ALICE).body(contract(reference())).post("/api/v1/clients/" + GLOBEX + "/contracts").then().statusCode(403);
        as(ALICE).get("/api/v1/clients/" + ACME + "/contracts/" + globexContract).then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
        as(ALICE).header("If-Match", "\"0\"").body(contract(reference()))
                .put("/api/v1/clients/" + ACME + "/contracts/" + globexContract).then().statusCode(404);
        as(ALICE).get("/api/v1/clients/" + ACME + "/contracts?limit=200").then().body("items.id", not(hasItem(globexContract)));
        as(BOB).get("/api/v1/clients/" + GLOBEX + "/contracts/" + globexContract).then().statusCode(200)
                .body("version", equalTo(0));
    }

    @Test
    void idempotentCreateThroughTheGateway() {
        String key = "e2e-" + UUID.randomUUID();
        Map<String, Object> body = contract(reference());
        String first = as(CAROL).header("Idempotency-Key", key).body(body).post("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(201).extract().path("id");
        as(CAROL).header("Idempotency-Key", key).body(body).post("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(CAROL).header("Idempotency-Key", key).body(contract(reference())).post("/api/v1/clients/" + ACME + "/contracts")
                .then().statusCode(422).contentType(startsWith(PROBLEM_JSON));
    }
}

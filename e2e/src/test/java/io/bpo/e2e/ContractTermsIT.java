package io.bpo.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract terms through the gateway with real tokens: effective-dated versions of the demo agreement, and a
 * two-party amendment from proposal to application, with each side's token.
 */
class ContractTermsIT extends PlatformClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DEMO_TERMS = Path.of(System.getProperty("demo.terms", "../scripts/demo-data/terms"));
    static final String ACME_CONTRACTS = "/api/v1/clients/" + ACME + "/contracts";
    static String demoAgreement;

    @BeforeAll
    static void demoAgreement() {
        List<Map<String, Object>> items = as(CAROL).get(ACME_CONTRACTS + "?limit=200").then().statusCode(200)
                .extract().path("items.findAll { it.reference == 'ACME-BPO-2026-01' }");
        org.junit.jupiter.api.Assertions.assertEquals(1, items.size(), "demo contract ACME-BPO-2026-01 (./platform up)");
        demoAgreement = ACME_CONTRACTS + "/" + items.get(0).get("id");
    }

    @Test
    void targetsInForceFollowTheAmendmentsEffectiveDate() {
        as(ALICE).get(demoAgreement + "/terms?at=2026-06-30").then().statusCode(200)
                .body("amendmentNumber", equalTo(0)).body("terms.slas.find { it.key == 'niveau-de-service-20s' }.target",
                        equalTo(80));
        as(ALICE).get(demoAgreement + "/terms?at=2026-07-01").then().statusCode(200)
                .body("amendmentNumber", equalTo(1)).body("terms.slas.find { it.key == 'niveau-de-service-20s' }.target",
                        equalTo(85));
        as(INGEST_ACME).get(demoAgreement + "/terms-in-force?from=2026-06-01&to=2026-07-31").then().statusCode(200)
                .body("periods", hasSize(2)).body("periods[0].to", equalTo("2026-06-30"))
                .body("periods[1].from", equalTo("2026-07-01")).body("periods[1].terms.pricing", nullValue());
        as(ALICE).get(demoAgreement + "/terms-in-force?from=2026-06-01&to=2026-07-31").then().statusCode(200)
                .body("periods[1].terms.pricing.monthlyFee", equalTo(176400.0f));
        as(ALICE).get(demoAgreement + "/versions/1/diff/2").then().statusCode(200)
                .body("find { it.path == '/slas/0/target' }.value", equalTo(85));
    }

    @Test
    void termsReadAsYamlThroughTheGateway() {
        as(ALICE).accept("application/yaml").get(demoAgreement + "/terms").then().statusCode(200)
                .contentType(startsWith("application/yaml")).body(containsString("niveau-de-service-20s"));
    }

    @Test
    void amendmentIsAppliedOnlyOnceBothPartiesApprove() throws Exception {
        ObjectNode terms = (ObjectNode) JSON.readTree(Files.readString(DEMO_TERMS.resolve("acme-1.json")));
        String reference = "E2E-AMEND-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> contract = Map.of("reference", reference, "title", "E2E amendment " + reference,
                "engagementType", "BPO", "deliveryModel", "OUTSOURCED", "deliveryCountry", "TN",
                "deliveryLocation", "NEARSHORE", "startDate", "2026-01-01", "endDate", "2028-12-31", "currency", "EUR",
                "terms", JSON.convertValue(terms, Map.class));
        String path = ACME_CONTRACTS + "/" + as(CAROL).body(contract).post(ACME_CONTRACTS)
                .then().statusCode(201).extract().path("id");
        as(CAROL).header("If-Match", "\"0\"").post(path + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        ((ObjectNode) terms.withArray("slas").get(1)).put("target", 4).put("warning", 3.5);
        Map<String, Object> proposal = Map.of("reason", "Lower abandonment target", "effectiveFrom", "2026-10-01",
                "terms", JSON.convertValue(terms, Map.class));
        String request = path + "/change-requests/" + as(ALICE).body(proposal).post(path + "/change-requests")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");

        as(ALICE).header("If-Match", "\"0\"").body(Map.of("comment", "ok")).post(request + "/approve")
                .then().statusCode(200).body("status", equalTo("PENDING"));
        as(ALICE).header("If-Match", "\"1\"").body(Map.of("comment", "again")).post(request + "/approve")
                .then().statusCode(409).contentType(startsWith(PROBLEM_JSON));
        as(ALICE).get(path + "/versions").then().statusCode(200).body("", hasSize(1));
        as(BOB).header("If-Match", "\"1\"").body(Map.of("comment", "not mine")).post(request + "/approve")
                .then().statusCode(403);
        as(CAROL).header("If-Match", "\"1\"").body(Map.of("comment", "agreed")).post(request + "/approve")
                .then().statusCode(200).body("status", equalTo("APPLIED"));
        as(ALICE).get(path + "/terms?at=2026-10-01").then().statusCode(200).body("amendmentNumber", equalTo(1))
                .body("terms.slas[1].target", equalTo(4));
        as(ALICE).get(path + "/terms?at=2026-09-30").then().statusCode(200).body("terms.slas[1].target", equalTo(5));
    }

    @Test
    void anotherClientsTermsAreForbiddenOrNotFound() {
        String globexContract = as(BOB).get("/api/v1/clients/" + GLOBEX + "/contracts?limit=1").then().statusCode(200)
                .extract().path("items[0].id");
        as(ALICE).get("/api/v1/clients/" + GLOBEX + "/contracts/" + globexContract + "/terms").then().statusCode(403);
        as(ALICE).get(ACME_CONTRACTS + "/" + globexContract + "/terms").then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
        as(ALICE).get(ACME_CONTRACTS + "/" + globexContract + "/change-requests").then().statusCode(404);
        as(DAVE).get(demoAgreement + "/terms").then().statusCode(403);
    }
}

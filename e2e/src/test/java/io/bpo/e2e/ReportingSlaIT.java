package io.bpo.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA compliance through the gateway with real tokens: reporting reads the terms in force from contracts-service
 * with the caller's own token. The demo contract's month is read as it is; exact numbers are checked on a contract
 * of its own whose scope is a queue no other record uses.
 */
class ReportingSlaIT extends PlatformClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DEMO_TERMS = Path.of(System.getProperty("demo.terms", "../scripts/demo-data/terms"));
    static final String ACME_CONTRACTS = "/api/v1/clients/" + ACME + "/contracts";
    static final String ACME_REPORTING = "/api/v1/clients/" + ACME + "/reporting/contracts/";
    static String demoContractId;

    @BeforeAll
    static void demoContract() {
        List<Map<String, Object>> items = as(CAROL).get(ACME_CONTRACTS + "?limit=200").then().statusCode(200)
                .extract().path("items.findAll { it.reference == 'ACME-BPO-2026-01' }");
        assertEquals(1, items.size(), "demo contract ACME-BPO-2026-01 (./platform up)");
        demoContractId = (String) items.get(0).get("id");
    }

    @Test
    void theDemoContractsMonthThroughTheGateway() {
        as(ALICE).get(ACME_REPORTING + demoContractId + "/compliance?month=2026-03").then().statusCode(200)
                .body("reference", equalTo("ACME-BPO-2026-01"))
                .body("currency", equalTo("EUR"))
                .body("monthlyFee", equalTo(176400.0f))
                .body("slas.slaKey", contains("niveau-de-service-20s", "taux-abandon", "csat"))
                .body("slas.status", everyItem(in(List.of("MET", "WARNING", "BREACHED", "NO_DATA"))))
                .body("slas[0].periods[0].timeZone", equalTo("Europe/Paris"))
                .body("slas[0].periods[0].target", equalTo(80));
        // amendment 1 raised the target from July
        as(CAROL).get(ACME_REPORTING + demoContractId + "/slas/niveau-de-service-20s/compliance?date=2026-07-15")
                .then().statusCode(200).body("target", equalTo(85)).body("termsVersion", equalTo(2));
    }

    @Test
    void exactNumbersStatementAndReportOnAContractOfItsOwn() throws Exception {
        String queue = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String contractId = contractOnQueue(queue);
        // Monday 2026-03-02 10:00 Paris: 8 calls answered in 10 s, 2 in 30 s -> 80 % in 20 s: meets 80, not 82
        List<Map<String, Object>> records = new ArrayList<>();
        Instant monday = Instant.parse("2026-03-02T09:00:00Z");
        for (int i = 0; i < 10; i++) {
            records.add(call(queue + "-" + i, queue, monday.plusSeconds(i), i < 8 ? 10 : 30));
        }
        as(INGEST_ACME).body(records).post("/api/v1/clients/" + ACME + "/reporting/interactions").then()
                .statusCode(200).body("created", equalTo(10));
        String base = ACME_REPORTING + contractId;
        as(ALICE).get(base + "/slas/niveau-de-service-20s/compliance?date=2026-03-20").then().statusCode(200)
                .body("value", equalTo(80.0f)).body("numerator", equalTo(8)).body("denominator", equalTo(10))
                .body("status", equalTo("WARNING")).body("creditPercent", equalTo(0));

        as(CAROL).post(base + "/statements/2026-03/accept").then().statusCode(200).body("status", equalTo("OPEN"));
        as(ALICE).post(base + "/statements/2026-03/accept").then().statusCode(200)
                .body("status", equalTo("FROZEN")).body("contentHash", matchesPattern("[0-9a-f]{64}"));

        byte[] pdf = as(ALICE).accept("application/pdf").get(base + "/reports/2026-03").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        as(CAROL).accept("text/csv").get(base + "/reports/2026-03").then().statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void otherClientsAndRolesAreRefused() {
        String path = ACME_REPORTING + demoContractId + "/compliance?month=2026-03";
        as(BOB).get(path).then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        as(DAVE).get(path).then().statusCode(403);
        // globex's manager naming acme's contract under globex: contracts does not know it there
        as(BOB).get("/api/v1/clients/" + GLOBEX + "/reporting/contracts/" + demoContractId + "/compliance?month=2026-03")
                .then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
    }

    /** A running copy of the demo terms whose scope item (and so every SLA) is {@code queue}. */
    static String contractOnQueue(String queue) throws Exception {
        ObjectNode terms = (ObjectNode) JSON.readTree(Files.readString(DEMO_TERMS.resolve("acme-1.json")));
        ((ObjectNode) terms.withArray("scope").get(0)).put("key", queue);
        for (var sla : terms.withArray("slas")) {
            ArrayNode scope = JSON.createArrayNode().add(queue);
            ((ObjectNode) sla).set("scope", scope);
        }
        String reference = "E2E-SLA-" + queue;
        Map<String, Object> contract = Map.of("reference", reference, "title", "E2E SLA " + queue,
                "engagementType", "BPO", "deliveryModel", "OUTSOURCED", "deliveryCountry", "TN",
                "deliveryLocation", "NEARSHORE", "startDate", "2026-01-01", "endDate", "2028-12-31", "currency", "EUR",
                "terms", JSON.convertValue(terms, Map.class));
        String id = as(CAROL).body(contract).post(ACME_CONTRACTS).then().statusCode(201).extract().path("id");
        as(CAROL).header("If-Match", "\"0\"").post(ACME_CONTRACTS + "/" + id + "/activate").then().statusCode(200);
        return id;
    }

    static Map<String, Object> call(String externalId, String queue, Instant offeredAt, int wait) {
        Map<String, Object> record = new HashMap<>();
        record.put("externalId", externalId);
        record.put("channel", "PHONE");
        record.put("queue", queue);
        record.put("offeredAt", offeredAt.toString());
        record.put("answeredAt", offeredAt.plusSeconds(wait).toString());
        record.put("endedAt", offeredAt.plusSeconds(wait + 240).toString());
        record.put("waitSeconds", wait);
        record.put("handleSeconds", 240);
        record.put("abandoned", false);
        record.put("csat", 5);
        return record;
    }
}

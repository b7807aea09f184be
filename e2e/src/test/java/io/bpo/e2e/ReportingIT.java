package io.bpo.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Interaction ingestion and listing through the gateway, with the machine client's real token. */
class ReportingIT extends PlatformClient {
    static final String ACME_INTERACTIONS = "/api/v1/clients/" + ACME + "/reporting/interactions";
    static final String GLOBEX_INTERACTIONS = "/api/v1/clients/" + GLOBEX + "/reporting/interactions";

    static Map<String, Object> record(String externalId, Instant offeredAt) {
        Map<String, Object> record = new HashMap<>();
        record.put("externalId", externalId);
        record.put("channel", "PHONE");
        record.put("queue", "billing");
        record.put("offeredAt", offeredAt.toString());
        record.put("answeredAt", offeredAt.plusSeconds(20).toString());
        record.put("endedAt", offeredAt.plusSeconds(320).toString());
        record.put("waitSeconds", 20);
        record.put("handleSeconds", 300);
        record.put("abandoned", false);
        record.put("firstContactResolution", true);
        record.put("csat", 5);
        return record;
    }

    static List<Map<String, Object>> batch(String prefix, int size) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            records.add(record(prefix + "-" + i, now.plusSeconds(i)));
        }
        return records;
    }

    @Test
    void machineClientIngestsIdempotentlyAndManagersReadTheCurrentMonth() {
        String prefix = "e2e-" + UUID.randomUUID();
        List<Map<String, Object>> records = batch(prefix, 25);
        as(INGEST_ACME).body(records).post(ACME_INTERACTIONS)
                .then().statusCode(200).body("received", equalTo(25)).body("created", equalTo(25))
                .body("duplicates", equalTo(0));
        as(INGEST_ACME).body(records).post(ACME_INTERACTIONS)
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(25));
        String id = as(ALICE).get(ACME_INTERACTIONS + "?limit=500&queue=billing")
                .then().statusCode(200).body("items.externalId", hasItem(prefix + "-0"))
                .extract().path("items.find { it.externalId == '" + prefix + "-0' }.id");
        as(CAROL).get(ACME_INTERACTIONS + "/" + id).then().statusCode(200).body("externalId", equalTo(prefix + "-0"));
    }

    @Test
    void oneBadRecordRejectsTheBatchNamingIt() {
        List<Map<String, Object>> records = batch("e2e-bad-" + UUID.randomUUID(), 10);
        records.get(7).put("csat", 9);
        as(INGEST_ACME).body(records).post(ACME_INTERACTIONS)
                .then().statusCode(400).contentType(startsWith(PROBLEM_JSON)).body("errors[0].field", equalTo("[7].csat"));
        as(ALICE).get(ACME_INTERACTIONS + "?limit=500").then()
                .body("items.externalId", not(hasItem(records.get(0).get("externalId"))));
    }

    @Test
    void machineClientCannotPushToAnotherClient() {
        as(INGEST_ACME).body(batch("e2e-x-" + UUID.randomUUID(), 1)).post(GLOBEX_INTERACTIONS)
                .then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void rolesAreChecked() {
        as(ALICE).body(batch("e2e-role-" + UUID.randomUUID(), 1)).post(ACME_INTERACTIONS).then().statusCode(403);
        as(DAVE).get(ACME_INTERACTIONS).then().statusCode(403);
        as(INGEST_ACME).get(ACME_INTERACTIONS).then().statusCode(403);
        anonymous().get(ACME_INTERACTIONS).then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void anotherClientsRecordsAreForbiddenOrNotFound() {
        String prefix = "e2e-g-" + UUID.randomUUID();
        as(CAROL).body(batch(prefix, 1)).post(GLOBEX_INTERACTIONS).then().statusCode(200);
        String globexId = as(BOB).get(GLOBEX_INTERACTIONS + "?limit=500").then().statusCode(200)
                .extract().path("items.find { it.externalId == '" + prefix + "-0' }.id");
        as(ALICE).get(GLOBEX_INTERACTIONS).then().statusCode(403);
        as(ALICE).get(ACME_INTERACTIONS + "/" + globexId).then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void badPeriodIsNamed() {
        as(ALICE).get(ACME_INTERACTIONS + "?period=2026-13").then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON)).body("errors[0].field", equalTo("period"));
    }
}

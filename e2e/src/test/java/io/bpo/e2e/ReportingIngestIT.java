package io.bpo.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Streamed ingestion through the gateway with the machine client ingest-acme's real token: NDJSON and CSV bodies, a
 * large batch replayed as duplicates, a bad line named, KPI measurements, and the client ids the machine client may
 * not push to.
 */
class ReportingIngestIT extends PlatformClient {
    static final String ACME_INTERACTIONS = "/api/v1/clients/" + ACME + "/reporting/interactions";
    static final String GLOBEX_INTERACTIONS = "/api/v1/clients/" + GLOBEX + "/reporting/interactions";
    static final String ACME_MEASUREMENTS = "/api/v1/clients/" + ACME + "/reporting/measurements";
    static final String GLOBEX_MEASUREMENTS = "/api/v1/clients/" + GLOBEX + "/reporting/measurements";
    static final String NDJSON = "application/x-ndjson";
    static final RestAssuredConfig AS_TEXT = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs(NDJSON, ContentType.TEXT).encodeContentTypeAs("text/csv", ContentType.TEXT));
    /** Far from the demo months, so that these records do not change the demo's reports. */
    static final Instant OFFERED = Instant.parse("2024-03-04T09:00:00Z");

    static String ndjson(String prefix, int count, int badLine) {
        StringBuilder body = new StringBuilder(count * 150);
        for (int i = 0; i < count; i++) {
            body.append("{\"externalId\":\"").append(prefix).append(i).append("\",\"channel\":\"PHONE\",")
                    .append("\"queue\":\"e2e-ingest\",\"offeredAt\":\"").append(OFFERED.plusSeconds(i))
                    .append("\",\"waitSeconds\":").append(i % 60).append(",\"abandoned\":")
                    .append(i + 1 == badLine ? "\"no\"" : "false").append("}\n");
        }
        return body.toString();
    }

    @Test
    void machineClientStreamsALargeNdjsonBatchAndAReplayIsAllDuplicates() {
        String prefix = "e2e-nd-" + UUID.randomUUID() + "-";
        String body = ndjson(prefix, 20_000, 0);
        as(INGEST_ACME).config(AS_TEXT).contentType(NDJSON).body(body).post(ACME_INTERACTIONS)
                .then().statusCode(200).body("received", equalTo(20_000)).body("created", equalTo(20_000));
        as(INGEST_ACME).config(AS_TEXT).contentType(NDJSON).body(body).post(ACME_INTERACTIONS)
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(20_000));
    }

    @Test
    void oneBadLineRejectsTheBatchNamingItAndNothingIsStored() {
        String prefix = "e2e-bad-" + UUID.randomUUID() + "-";
        as(INGEST_ACME).config(AS_TEXT).contentType(NDJSON).body(ndjson(prefix, 5_000, 4_321)).post(ACME_INTERACTIONS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("line 4321.abandoned"));
        // the first line was valid, yet it was not stored: sending it alone creates it
        as(INGEST_ACME).config(AS_TEXT).contentType(NDJSON).body(ndjson(prefix, 1, 0)).post(ACME_INTERACTIONS)
                .then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void csvBatchIsIngestedAndAMalformedBodyIsAProblem() {
        String id = "e2e-csv-" + UUID.randomUUID();
        as(INGEST_ACME).config(AS_TEXT).contentType("text/csv")
                .body("externalId,channel,queue,offeredAt,waitSeconds,abandoned\n" + id + ",CHAT,e2e-ingest,"
                        + OFFERED + ",12,false\n")
                .post(ACME_INTERACTIONS).then().statusCode(200).body("created", equalTo(1));
        as(INGEST_ACME).config(AS_TEXT).contentType(NDJSON).body("{\"externalId\": oops}\n").post(ACME_INTERACTIONS)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", endsWith("/malformed-body"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void machineClientPushesOnlyToItsOwnClient() {
        as(INGEST_ACME).config(AS_TEXT).contentType(NDJSON).body(ndjson("e2e-x-" + UUID.randomUUID(), 1, 0))
                .post(GLOBEX_INTERACTIONS).then().statusCode(403).contentType(PROBLEM_JSON);
        as(INGEST_ACME).body(List.of(measurement("2024-03-01T00:00:00Z"))).post(GLOBEX_MEASUREMENTS)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        // and it reads nothing back
        as(INGEST_ACME).get(ACME_INTERACTIONS).then().statusCode(403);
    }

    @Test
    void kpiMeasurementsAreIngestedIdempotentlyAndReadByManagers() {
        // globex's back-office contract (error-rate in its terms from 2026-03-01); a random minute of June 2027, far
        // from the demo months, so that every run creates its own measurement
        String contract = globexBackOfficeContract();
        Instant start = Instant.parse("2027-06-01T00:00:00Z").plusSeconds(60L * new java.util.Random().nextInt(40_000));
        Map<String, Object> m = Map.of("contractId", contract, "slaKey", "error-rate",
                "periodStart", start.toString(), "periodEnd", start.plusSeconds(60).toString(),
                "value", 1.5, "numerator", 30, "denominator", 2000);
        as(CAROL).body(List.of(m)).post(GLOBEX_MEASUREMENTS).then().statusCode(200).body("created", equalTo(1));
        as(CAROL).body(List.of(m)).post(GLOBEX_MEASUREMENTS).then().statusCode(200).body("duplicates", equalTo(1));
        as(BOB).queryParam("contractId", contract).queryParam("slaKey", "error-rate")
                .queryParam("from", start.toString()).queryParam("to", start.plusSeconds(1).toString())
                .get(GLOBEX_MEASUREMENTS).then().statusCode(200).body("", hasSize(1)).body("[0].numerator", equalTo(30));
        as(ALICE).queryParam("contractId", contract).queryParam("slaKey", "error-rate").get(GLOBEX_MEASUREMENTS)
                .then().statusCode(403);
    }

    @Test
    void measurementsOutsideTheContractsTermsAreRefusedNamingTheField() {
        String globexContract = globexBackOfficeContract();
        Map<String, Object> ok = Map.of("contractId", globexContract, "slaKey", "error-rate",
                "periodStart", "2027-05-01T00:00:00Z", "periodEnd", "2027-06-01T00:00:00Z", "value", 1.0);
        // the real contracts-service answers: an SLA not in the terms, a month before the contract's start
        as(CAROL).body(List.of(ok, with(ok, "slaKey", "csat"), with(with(ok, "periodStart", "2026-01-01T00:00:00Z"),
                        "periodEnd", "2026-02-01T00:00:00Z")))
                .post(GLOBEX_MEASUREMENTS).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", endsWith("/measurement-not-in-contract"))
                .body("errors.field", org.hamcrest.Matchers.contains("[1].slaKey", "[2].periodStart"));
        // the machine client of acme names a contract acme does not have (globex's, then none at all)
        as(INGEST_ACME).body(List.of(ok, measurement("2024-03-01T00:00:00Z"))).post(ACME_MEASUREMENTS)
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", org.hamcrest.Matchers.contains("[0].contractId", "[1].contractId"));
    }

    static String globexBackOfficeContract() {
        List<String> ids = as(CAROL).get("/api/v1/clients/" + GLOBEX + "/contracts?limit=200").then().statusCode(200)
                .extract().path("items.findAll { it.reference == 'GLOBEX-BPO-2026-04' }.id");
        org.junit.jupiter.api.Assertions.assertEquals(1, ids.size(), "demo contract GLOBEX-BPO-2026-04 (./platform up)");
        return ids.get(0);
    }

    static Map<String, Object> with(Map<String, Object> m, String field, Object value) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(m);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> measurement(String start) {
        return Map.of("contractId", UUID.randomUUID().toString(), "slaKey", "error-rate", "periodStart", start,
                "periodEnd", "2024-04-01T00:00:00Z", "value", 1.0);
    }
}

package io.bpo.reporting.measurement;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.bpo.kit.testing.Tokens;
import io.bpo.reporting.contracts.ContractsStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ContractsStub.class, scope = TestResourceScope.GLOBAL)
class MeasurementResourceTest {
    /** ms-roles' contract in the contracts stub: globex's back-office terms from 2026-03-01. */
    static final String CONTRACT = ContractsStub.measured("ms-roles").toString();

    static String measurements(String clientId) {
        return "/api/v1/clients/" + clientId + "/reporting/measurements";
    }

    static String ingest(String clientId) {
        return Tokens.token("ingest-" + clientId, "reporting-ingest", clientId);
    }

    static String viewer(String clientId) {
        return Tokens.token("viewer-" + clientId, "client-viewer", clientId);
    }

    /** A monthly error rate of the client's back-office contract (in force from 2026-03-01). */
    static Map<String, Object> errorRate(String clientId, String month, double value) {
        YearMonth start = YearMonth.parse(month);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contractId", ContractsStub.measured(clientId).toString());
        m.put("slaKey", "error-rate");
        m.put("periodStart", start.atDay(1) + "T00:00:00Z");
        m.put("periodEnd", start.plusMonths(1).atDay(1) + "T00:00:00Z");
        m.put("value", value);
        m.put("numerator", 25);
        m.put("denominator", 2000);
        return m;
    }

    static Map<String, Object> with(Map<String, Object> m, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(m);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    @Test
    void measurementsAreStoredReadBackAndDuplicatesCounted() {
        String client = "ms-happy";
        String contract = ContractsStub.measured(client).toString();
        as(ingest(client)).body(List.of(errorRate(client, "2026-03", 1.25), errorRate(client, "2026-04", 0.8)))
                .post(measurements(client)).then().statusCode(200)
                .body("received", equalTo(2)).body("created", equalTo(2)).body("duplicates", equalTo(0));
        // the same period again, another value: a duplicate, the first value stays
        as(ingest(client)).body(List.of(errorRate(client, "2026-03", 9.99))).post(measurements(client))
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(1));
        as(viewer(client)).queryParam("contractId", contract).queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].periodStart", equalTo("2026-03-01T00:00:00Z"))
                .body("[0].value", equalTo(1.25f))
                .body("[0].numerator", equalTo(25)).body("[0].denominator", equalTo(2000))
                .body("[1].periodStart", equalTo("2026-04-01T00:00:00Z"));
        as(viewer(client)).queryParam("contractId", contract).queryParam("slaKey", "error-rate")
                .queryParam("from", "2026-04-01T00:00:00Z").queryParam("to", "2026-05-01T00:00:00Z")
                .get(measurements(client)).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void invalidMeasurementsRefuseTheBatchNamingEachField() {
        String client = "ms-bad";
        as(ingest(client)).body(List.of(errorRate(client, "2026-03", 1.0),
                        with(errorRate(client, "2026-04", 1.0), "periodEnd", "2026-03-01T00:00:00Z"),
                        with(errorRate(client, "2026-04", 1.0), "denominator", null),
                        with(errorRate(client, "2026-04", 1.0), "slaKey", "bad key!"),
                        with(errorRate(client, "2026-04", 1.0), "periodStart", 1740988800)))
                .post(measurements(client)).then().statusCode(400).contentType(PROBLEM);
        as(viewer(client)).queryParam("contractId", ContractsStub.measured(client).toString())
                .queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(200).body("", hasSize(0));
        as(ingest(client)).body(List.of(with(errorRate(client, "2026-04", 1.0), "denominator", 0)))
                .post(measurements(client)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("denominator")));
        as(ingest(client)).body("[]").post(measurements(client)).then().statusCode(400).contentType(PROBLEM);
        as(ingest(client)).body("{not json").post(measurements(client)).then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void listParametersAreChecked() {
        as(viewer("ms-params")).queryParam("contractId", "nope").queryParam("from", "yesterday")
                .get(measurements("ms-params")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("contractId", "slaKey", "from"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String client = "ms-idem";
        String key = "m-" + UUID.randomUUID();
        as(ingest(client)).header("Idempotency-Key", key).body(List.of(errorRate(client, "2026-03", 1.0)))
                .post(measurements(client)).then().statusCode(200).header("Idempotent-Replayed", "false");
        as(ingest(client)).header("Idempotency-Key", key).body(List.of(errorRate(client, "2026-03", 1.0)))
                .post(measurements(client)).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("created", equalTo(1));
        as(ingest(client)).header("Idempotency-Key", key).body(List.of(errorRate(client, "2026-04", 1.0)))
                .post(measurements(client)).then().statusCode(422).body("type", endsWith("/idempotency-key-reused"));
    }

    @Test
    void rolesAndTenantsAreEnforced() {
        String client = "ms-roles";
        as(Tokens.token("carol", "account-manager", client)).body(List.of(errorRate(client, "2026-03", 1.0)))
                .post(measurements(client)).then().statusCode(200);
        for (String refused : List.of(viewer(client), Tokens.token("alice", "client-manager", client),
                Tokens.token("dave", "agent", client), Tokens.token("frank", "provider-admin"))) {
            as(refused).body(List.of(errorRate(client, "2026-04", 1.0))).post(measurements(client))
                    .then().statusCode(403).contentType(PROBLEM);
        }
        as(Tokens.token("dave", "agent", client)).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(403);
        // another client's ingest token cannot push here, nor its viewer read here
        as(ingest("ms-other")).body(List.of(errorRate(client, "2026-04", 1.0))).post(measurements(client))
                .then().statusCode(403).body("type", endsWith("/tenant-forbidden"));
        as(viewer("ms-other")).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(403);
        // the other client sees none of this client's measurements under the same contract id
        as(viewer("ms-other")).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements("ms-other")).then().statusCode(200).body("", hasSize(0));
        given().contentType("application/json").body("[]").post(measurements(client)).then().statusCode(401);
    }

    @Test
    void aMeasurementMustNameAContractOfTheClientAndAnSlaInForceThen() {
        String client = "ms-terms";
        String contract = ContractsStub.measured(client).toString();
        Map<String, Object> backlog = with(with(with(with(errorRate(client, "2026-09", 30.5), "slaKey", "backlog-age"),
                "periodEnd", "2026-09-08T00:00:00Z"), "numerator", null), "denominator", null);
        as(ingest(client)).body(List.of(
                        errorRate(client, "2026-03", 1.0),                                     // valid
                        with(errorRate(client, "2026-04", 1.0), "contractId", UUID.randomUUID().toString()),
                        with(errorRate(client, "2026-04", 1.0), "contractId",
                                ContractsStub.measured("ms-other").toString()),                // another client's
                        with(errorRate(client, "2026-04", 1.0), "slaKey", "csat"),             // not in its terms
                        errorRate(client, "2026-01", 1.0),                                     // before its start
                        backlog,                                                               // valid (amended terms)
                        errorRate(client, "2026-02", 1.0)))                                    // before its start
                .post(measurements(client)).then().statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/measurement-not-in-contract"))
                .body("detail", org.hamcrest.Matchers.startsWith("5 measurements do not match"))
                .body("errors.field", org.hamcrest.Matchers.contains("[1].contractId", "[2].contractId", "[3].slaKey",
                        "[4].periodStart", "[6].periodStart"))
                .body("errors[2].reason", org.hamcrest.Matchers.containsString("is not an SLA of contract " + contract))
                .body("errors[3].reason", org.hamcrest.Matchers.containsString("no terms in force between 2026-01-01"
                        + " and 2026-01-31"));
        // all or nothing: the valid ones were not stored either
        for (String sla : List.of("error-rate", "backlog-age")) {
            as(viewer(client)).queryParam("contractId", contract).queryParam("slaKey", sla)
                    .get(measurements(client)).then().statusCode(200).body("", hasSize(0));
        }
        // alone, the valid ones are accepted
        as(ingest(client)).body(List.of(errorRate(client, "2026-03", 1.0), backlog)).post(measurements(client))
                .then().statusCode(200).body("created", equalTo(2));
    }

    @Test
    void aMeasurementOfAnSlaComputedFromRecordsIsRefused() {
        // acme's terms: the CSAT SLA is computed from interaction records, never from KPI measurements
        String client = ContractsStub.REPORT_CLIENT;
        Map<String, Object> csat = with(with(with(errorRate(client, "2026-03", 4.4), "contractId",
                ContractsStub.ACME_REPORT.toString()), "numerator", null), "denominator", null);
        as(Tokens.token("carol", "account-manager", client)).body(List.of(with(csat, "slaKey", "csat")))
                .post(measurements(client)).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.contains("[0].slaKey"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("computed from interaction records"));
    }

    @Test
    void whenContractsCannotBeReadNothingIsStoredAndTheAnswerIs503() {
        String client = ContractsStub.MEASUREMENT_SLOW_CLIENT;
        as(ingest(client)).header("Idempotency-Key", "down-" + UUID.randomUUID())
                .body(List.of(errorRate(client, "2026-03", 1.0))).post(measurements(client)).then().statusCode(503)
                .contentType(PROBLEM).body("type", endsWith("/contracts-unavailable"));
        as(viewer(client)).queryParam("contractId", ContractsStub.measured(client).toString())
                .queryParam("slaKey", "error-rate").get(measurements(client)).then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void aBatchSpreadOverTooManyContractYearsIsRefusedBeforeAnyRead() {
        String client = "ms-bad";
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int year = 2030; year < 2030 + 2 * (MeasurementChecks.MAX_TERMS_READS + 1); year += 2) {
            batch.add(with(with(errorRate(client, "2026-03", 1.0), "periodStart", year + "-03-01T00:00:00Z"),
                    "periodEnd", year + "-04-01T00:00:00Z"));
        }
        as(ingest(client)).body(batch).post(measurements(client)).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.contains("body"));
    }
}

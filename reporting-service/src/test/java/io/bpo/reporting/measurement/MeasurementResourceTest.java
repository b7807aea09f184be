package io.bpo.reporting.measurement;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MeasurementResourceTest {
    static final String CONTRACT = "6a0e4c1f-2f0b-4b7e-9d6c-0c8e5b1d2a37";

    static String measurements(String clientId) {
        return "/api/v1/clients/" + clientId + "/reporting/measurements";
    }

    static String ingest(String clientId) {
        return Tokens.token("ingest-" + clientId, "reporting-ingest", clientId);
    }

    static String viewer(String clientId) {
        return Tokens.token("viewer-" + clientId, "client-viewer", clientId);
    }

    static Map<String, Object> errorRate(String month, double value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contractId", CONTRACT);
        m.put("slaKey", "error-rate");
        m.put("periodStart", month + "-01T00:00:00Z");
        m.put("periodEnd", month.equals("2025-03") ? "2025-04-01T00:00:00Z" : "2025-05-01T00:00:00Z");
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
        as(ingest(client)).body(List.of(errorRate("2025-03", 1.25), errorRate("2025-04", 0.8)))
                .post(measurements(client)).then().statusCode(200)
                .body("received", equalTo(2)).body("created", equalTo(2)).body("duplicates", equalTo(0));
        // the same period again, another value: a duplicate, the first value stays
        as(ingest(client)).body(List.of(errorRate("2025-03", 9.99))).post(measurements(client))
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(1));
        as(viewer(client)).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].periodStart", equalTo("2025-03-01T00:00:00Z"))
                .body("[0].value", equalTo(1.25f))
                .body("[0].numerator", equalTo(25)).body("[0].denominator", equalTo(2000))
                .body("[1].periodStart", equalTo("2025-04-01T00:00:00Z"));
        as(viewer(client)).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .queryParam("from", "2025-04-01T00:00:00Z").queryParam("to", "2025-05-01T00:00:00Z")
                .get(measurements(client)).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void invalidMeasurementsRefuseTheBatchNamingEachField() {
        String client = "ms-bad";
        as(ingest(client)).body(List.of(errorRate("2025-03", 1.0),
                        with(errorRate("2025-04", 1.0), "periodEnd", "2025-03-01T00:00:00Z"),
                        with(errorRate("2025-04", 1.0), "denominator", null),
                        with(errorRate("2025-04", 1.0), "slaKey", "bad key!"),
                        with(errorRate("2025-04", 1.0), "periodStart", 1740988800)))
                .post(measurements(client)).then().statusCode(400).contentType(PROBLEM);
        as(viewer(client)).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(200).body("", hasSize(0));
        as(ingest(client)).body(List.of(with(errorRate("2025-04", 1.0), "denominator", 0)))
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
        as(ingest(client)).header("Idempotency-Key", key).body(List.of(errorRate("2025-03", 1.0)))
                .post(measurements(client)).then().statusCode(200).header("Idempotent-Replayed", "false");
        as(ingest(client)).header("Idempotency-Key", key).body(List.of(errorRate("2025-03", 1.0)))
                .post(measurements(client)).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("created", equalTo(1));
        as(ingest(client)).header("Idempotency-Key", key).body(List.of(errorRate("2025-04", 1.0)))
                .post(measurements(client)).then().statusCode(422).body("type", endsWith("/idempotency-key-reused"));
    }

    @Test
    void rolesAndTenantsAreEnforced() {
        String client = "ms-roles";
        as(Tokens.token("carol", "account-manager", client)).body(List.of(errorRate("2025-03", 1.0)))
                .post(measurements(client)).then().statusCode(200);
        for (String refused : List.of(viewer(client), Tokens.token("alice", "client-manager", client),
                Tokens.token("dave", "agent", client), Tokens.token("frank", "provider-admin"))) {
            as(refused).body(List.of(errorRate("2025-04", 1.0))).post(measurements(client))
                    .then().statusCode(403).contentType(PROBLEM);
        }
        as(Tokens.token("dave", "agent", client)).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(403);
        // another client's ingest token cannot push here, nor its viewer read here
        as(ingest("ms-other")).body(List.of(errorRate("2025-04", 1.0))).post(measurements(client))
                .then().statusCode(403).body("type", endsWith("/tenant-forbidden"));
        as(viewer("ms-other")).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements(client)).then().statusCode(403);
        // the other client sees none of this client's measurements under the same contract id
        as(viewer("ms-other")).queryParam("contractId", CONTRACT).queryParam("slaKey", "error-rate")
                .get(measurements("ms-other")).then().statusCode(200).body("", hasSize(0));
        given().contentType("application/json").body("[]").post(measurements(client)).then().statusCode(401);
    }
}

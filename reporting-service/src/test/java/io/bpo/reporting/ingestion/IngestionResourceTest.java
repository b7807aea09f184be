package io.bpo.reporting.ingestion;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.abandoned;
import static io.bpo.reporting.Api.answered;
import static io.bpo.reporting.Api.as;
import static io.bpo.reporting.Api.batch;
import static io.bpo.reporting.Api.batchJson;
import static io.bpo.reporting.Api.interactions;
import static io.bpo.reporting.Api.with;
import static io.bpo.reporting.Api.without;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class IngestionResourceTest {
    static final String OWN = "in-own";
    static final String OTHER = "in-other";
    static final String PERIOD = "2025-03";
    static final Instant OFFERED = Instant.parse("2025-03-03T08:00:00Z");
    static final String INGEST = Tokens.token("ingest-own", "reporting-ingest", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);

    /** The machine token of a client of its own, for tests that count what the client has. */
    private static String ingest(String clientId) {
        return Tokens.token("ingest-" + clientId, "reporting-ingest", clientId);
    }

    private static String viewer(String clientId) {
        return Tokens.token("viewer-" + clientId, "client-viewer", clientId);
    }

    private static String id() {
        return "ext-" + UUID.randomUUID();
    }

    /** Everything the client has in the test period (one page is enough for these tests). */
    private static JsonPath stored(String clientId) {
        return as(viewer(clientId)).queryParam("period", PERIOD).queryParam("limit", 500).get(interactions(clientId))
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void batchIsStoredAndCounted() {
        String client = "in-happy";
        String call = id();
        String chat = id();
        as(ingest(client)).body(batch(answered(call, OFFERED), abandoned(chat, OFFERED.plusSeconds(5))))
                .post(interactions(client))
                .then().statusCode(200).header("Idempotent-Replayed", "false")
                .body("received", equalTo(2)).body("created", equalTo(2)).body("duplicates", equalTo(0));

        JsonPath stored = stored(client);
        assertEquals(List.of(call, chat), stored.getList("items.externalId"));
        Map<String, Object> first = stored.getMap("items[0]");
        assertEquals(client, first.get("clientId"));
        assertEquals("PHONE", first.get("channel"));
        assertEquals("billing", first.get("queue"));
        assertEquals("2025-03-03T08:00:00Z", first.get("offeredAt"));
        assertEquals("2025-03-03T08:00:42Z", first.get("answeredAt"));
        assertEquals("2025-03-03T08:05:03Z", first.get("endedAt"));
        assertEquals(42, first.get("waitSeconds"));
        assertEquals(261, first.get("handleSeconds"));
        assertEquals(false, first.get("abandoned"));
        assertEquals(true, first.get("transferred"));
        assertEquals(true, first.get("firstContactResolution"));
        assertEquals(4, first.get("csat"));
        assertEquals(87.5f, ((Number) first.get("qualityScore")).floatValue());
        assertEquals("agt-7f3a", first.get("agentId"));
        as(viewer(client)).queryParam("period", PERIOD).get(interactions(client)).then()
                .body("items[0].id", notNullValue()).body("items[0].receivedAt", notNullValue())
                .body("items[0].createdAt", notNullValue())
                .body("items[1].transferred", equalTo(false)).body("items[1].queue", nullValue())
                .body("items[1].answeredAt", nullValue()).body("items[1].csat", nullValue());
    }

    @Test
    void duplicatesInsideABatchAreCountedAndTheFirstIsKept() {
        String client = "in-dup-batch";
        String twice = id();
        as(ingest(client)).body(batch(with(answered(twice, OFFERED), "csat", 5), answered(id(), OFFERED),
                        with(answered(twice, OFFERED), "csat", 1)))
                .post(interactions(client))
                .then().statusCode(200)
                .body("received", equalTo(3)).body("created", equalTo(2)).body("duplicates", equalTo(1));
        JsonPath stored = stored(client);
        assertEquals(2, stored.getList("items").size());
        assertEquals(5, stored.getInt("items.find { it.externalId == '" + twice + "' }.csat"));
    }

    @Test
    void duplicatesAcrossBatchesAreCountedAndNotStoredAgain() {
        String client = "in-dup-across";
        String again = id();
        as(ingest(client)).body(batch(with(answered(again, OFFERED), "csat", 5), answered(id(), OFFERED)))
                .post(interactions(client)).then().statusCode(200).body("created", equalTo(2));
        as(ingest(client)).body(batch(with(answered(again, OFFERED), "csat", 1), answered(id(), OFFERED)))
                .post(interactions(client))
                .then().statusCode(200)
                .body("received", equalTo(2)).body("created", equalTo(1)).body("duplicates", equalTo(1));
        JsonPath stored = stored(client);
        assertEquals(3, stored.getList("items").size());
        assertEquals(5, stored.getInt("items.find { it.externalId == '" + again + "' }.csat"));
    }

    @Test
    void aKeyRepeatedInALaterChunkIsADuplicateAndTheFirstIsKept() {
        String client = "in-dup-chunks";
        // 7,001 records, written in two chunks: the last one repeats the first's externalId with other values
        String json = batchJson("chunks", 7000, OFFERED);
        String body = json.substring(0, json.length() - 1) + ",{\"externalId\":\"chunks-0\",\"channel\":\"CHAT\","
                + "\"offeredAt\":\"" + OFFERED.plusSeconds(9000) + "\",\"abandoned\":false}]";
        as(ingest(client)).body(body).post(interactions(client))
                .then().statusCode(200)
                .body("received", equalTo(7001)).body("created", equalTo(7000)).body("duplicates", equalTo(1));
        as(viewer(client)).queryParam("period", PERIOD).queryParam("limit", 1).get(interactions(client))
                .then().statusCode(200).body("items[0].externalId", equalTo("chunks-0"))
                .body("items[0].channel", equalTo("EMAIL"));
        as(viewer(client)).queryParam("period", PERIOD).queryParam("channel", "CHAT").get(interactions(client))
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void concurrentBatchesWithTheSameRecordsStoreEachRecordOnce() throws Exception {
        String client = "in-dup-race";
        // more than a chunk each: the batches wait on each other's keys, then count them as duplicates
        String body = batchJson("race", 6000, OFFERED);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> as(ingest(client)).body(body).post(interactions(client))));
            }
            int created = 0;
            int duplicates = 0;
            for (java.util.concurrent.Future<io.restassured.response.Response> answer : answers) {
                io.restassured.response.Response response = answer.get();
                assertEquals(200, response.statusCode(), response.asString());
                created += response.jsonPath().getInt("created");
                duplicates += response.jsonPath().getInt("duplicates");
            }
            assertEquals(6000, created);
            assertEquals(12000, duplicates);
        } finally {
            pool.shutdownNow();
        }
        as(ingest(client)).body(body).post(interactions(client))
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(6000));
    }

    @Test
    void sameExternalIdForAnotherClientIsNotADuplicate() {
        String shared = id();
        String carol = Tokens.token("carol", "account-manager", "in-twin-a", "in-twin-b");
        as(carol).body(batch(answered(shared, OFFERED))).post(interactions("in-twin-a"))
                .then().statusCode(200).body("created", equalTo(1));
        as(carol).body(batch(answered(shared, OFFERED))).post(interactions("in-twin-b"))
                .then().statusCode(200).body("created", equalTo(1)).body("duplicates", equalTo(0));
    }

    @Test
    void oneBadRecordAmongManyRefusesTheWholeBatch() {
        String client = "in-bad-one";
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(answered(id(), OFFERED.plusSeconds(i)));
        }
        records.set(117, with(records.get(117), "csat", 9));
        as(ingest(client)).body(records).post(interactions(client))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation"))
                .body("detail", containsString("1 of 200"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("[117].csat"))
                .body("errors[0].reason", equalTo("must be less than or equal to 5"));
        assertEquals(List.of(), stored(client).getList("items"));
    }

    @Test
    void everyBadRecordIsListedWithItsIndexAndField() {
        String client = "in-bad-many";
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(answered(id(), OFFERED.plusSeconds(i)));
        }
        records.set(3, with(answered(id(), OFFERED), "csat", 0));
        records.set(5, with(answered(id(), OFFERED), "channel", "FAX"));
        records.set(8, with(with(answered(id(), OFFERED), "waitSeconds", -1), "answeredAt", "2025-03-03T07:59:59Z"));
        records.set(10, "not a record");
        as(ingest(client)).body(records).post(interactions(client))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("4 of 12"))
                .body("errors.field", contains("[3].csat", "[5].channel", "[8].answeredAt", "[8].waitSeconds", "[10]"));
        assertEquals(List.of(), stored(client).getList("items"));
    }

    static Stream<Arguments> invalidRecords() {
        Map<String, Object> call = answered("rule", OFFERED);
        Map<String, Object> gaveUp = abandoned("rule", OFFERED);
        String before = OFFERED.minusSeconds(1).toString();
        return Stream.of(
                Arguments.of("externalId missing", without(call, "externalId"), "externalId", "must not be blank"),
                Arguments.of("externalId blank", with(call, "externalId", "  "), "externalId", "must not be blank"),
                Arguments.of("externalId too long", with(call, "externalId", "x".repeat(129)), "externalId",
                        "must be at most 128 characters"),
                Arguments.of("externalId with a control character", with(call, "externalId", "a\u0000b"),
                        "externalId", "must not contain control characters"),
                Arguments.of("channel missing", without(call, "channel"), "channel", "must not be null"),
                Arguments.of("channel unknown", with(call, "channel", "FAX"), "channel",
                        "must be one of PHONE, EMAIL, CHAT, BACK_OFFICE"),
                Arguments.of("channel in lower case", with(call, "channel", "phone"), "channel",
                        "must be one of PHONE, EMAIL, CHAT, BACK_OFFICE"),
                Arguments.of("channel as an index", with(call, "channel", 0), "channel",
                        "must be one of PHONE, EMAIL, CHAT, BACK_OFFICE"),
                Arguments.of("queue empty", with(call, "queue", ""), "queue", "must be 1 to 100 characters"),
                Arguments.of("queue too long", with(call, "queue", "q".repeat(101)), "queue",
                        "must be 1 to 100 characters"),
                Arguments.of("offeredAt missing", without(gaveUp, "offeredAt"), "offeredAt", "must not be null"),
                Arguments.of("offeredAt not a timestamp", with(gaveUp, "offeredAt", "yesterday"), "offeredAt",
                        "must be an ISO-8601 instant with its offset (e.g. 2026-03-02T08:15:00Z)"),
                Arguments.of("offeredAt without offset", with(gaveUp, "offeredAt", "2025-03-03T08:00:00"),
                        "offeredAt", "must be an ISO-8601 instant with its offset (e.g. 2026-03-02T08:15:00Z)"),
                Arguments.of("offeredAt as epoch seconds", with(gaveUp, "offeredAt", 1740988800), "offeredAt",
                        "must be an ISO-8601 instant with its offset (e.g. 2026-03-02T08:15:00Z)"),
                Arguments.of("offeredAt beyond year 9999", with(gaveUp, "offeredAt", "+20000-01-01T00:00:00Z"),
                        "offeredAt", "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"),
                Arguments.of("offeredAt before 1970", with(gaveUp, "offeredAt", "1969-12-31T23:59:59Z"),
                        "offeredAt", "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"),
                Arguments.of("answeredAt before offeredAt", with(call, "answeredAt", before), "answeredAt",
                        "must not be before offeredAt"),
                Arguments.of("endedAt before offeredAt", with(call, "endedAt", before), "endedAt",
                        "must not be before offeredAt"),
                Arguments.of("waitSeconds negative", with(call, "waitSeconds", -1), "waitSeconds",
                        "must be greater than or equal to 0"),
                Arguments.of("handleSeconds negative", with(call, "handleSeconds", -1), "handleSeconds",
                        "must be greater than or equal to 0"),
                Arguments.of("waitSeconds fractional", with(call, "waitSeconds", 1.5), "waitSeconds",
                        "must be a whole number"),
                Arguments.of("waitSeconds as a string", with(call, "waitSeconds", "42"), "waitSeconds",
                        "must be a whole number"),
                Arguments.of("waitSeconds too large", with(call, "waitSeconds", 3_000_000_000L), "waitSeconds",
                        "is out of range"),
                Arguments.of("abandoned missing", without(call, "abandoned"), "abandoned", "must not be null"),
                Arguments.of("abandoned as a string", with(call, "abandoned", "false"), "abandoned",
                        "must be true or false"),
                Arguments.of("abandoned yet answered", with(gaveUp, "answeredAt", OFFERED.toString()), "answeredAt",
                        "must be absent when abandoned is true"),
                Arguments.of("abandoned yet handled", with(gaveUp, "handleSeconds", 10), "handleSeconds",
                        "must be absent when abandoned is true"),
                Arguments.of("transferred as a number", with(call, "transferred", 0), "transferred",
                        "must be true or false"),
                Arguments.of("firstContactResolution as a string", with(call, "firstContactResolution", "yes"),
                        "firstContactResolution", "must be true or false"),
                Arguments.of("csat below 1", with(call, "csat", 0), "csat", "must be greater than or equal to 1"),
                Arguments.of("csat above 5", with(call, "csat", 6), "csat", "must be less than or equal to 5"),
                Arguments.of("csat fractional", with(call, "csat", 4.5), "csat", "must be a whole number"),
                Arguments.of("qualityScore negative", with(call, "qualityScore", -0.5), "qualityScore",
                        "must be greater than or equal to 0"),
                Arguments.of("qualityScore above 100", with(call, "qualityScore", 100.01), "qualityScore",
                        "must be less than or equal to 100"),
                Arguments.of("qualityScore with three decimals", with(call, "qualityScore", 87.555), "qualityScore",
                        "numeric value out of bounds (<3 digits>.<2 digits> expected)"),
                Arguments.of("qualityScore as a string", with(call, "qualityScore", "87.5"), "qualityScore",
                        "must be a number"),
                Arguments.of("agentId too long", with(call, "agentId", "a".repeat(65)), "agentId",
                        "must be 1 to 64 characters"),
                Arguments.of("agentId as a number", with(call, "agentId", 7), "agentId", "must be a string"),
                Arguments.of("a server-side field sent", with(call, "receivedAt", OFFERED.toString()), "receivedAt",
                        "is not a known property"),
                Arguments.of("an unknown field", with(call, "duration", 303), "duration", "is not a known property"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void eachRuleRefusesTheRecordNamingItsIndexAndField(String rule, Map<String, Object> bad, String field,
            String reason) {
        as(INGEST).body(batch(answered(id(), OFFERED), bad, answered(id(), OFFERED)))
                .post(interactions(OWN))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("[1]." + field))
                .body("errors[0].reason", equalTo(reason));
    }

    @Test
    void valuesAtTheEdgesOfEachRuleAreAccepted() {
        String client = "in-edges";
        Map<String, Object> lowest = answered("x".repeat(128), OFFERED);
        lowest.put("answeredAt", OFFERED.toString());
        lowest.put("endedAt", OFFERED.toString());
        lowest.put("waitSeconds", 0);
        lowest.put("handleSeconds", 0);
        lowest.put("csat", 1);
        lowest.put("qualityScore", 0);
        lowest.put("queue", "q".repeat(100));
        lowest.put("agentId", "a".repeat(64));
        Map<String, Object> highest = with(with(answered(id(), OFFERED), "csat", 5), "qualityScore", 100);
        Map<String, Object> precise = with(answered(id(), OFFERED), "qualityScore", 99.99);
        Map<String, Object> withOffset = with(without(abandoned(id(), OFFERED), "offeredAt"), "offeredAt",
                "2025-03-10T10:00:00+01:00");
        as(ingest(client)).body(batch(lowest, highest, precise, withOffset)).post(interactions(client))
                .then().statusCode(200).body("created", equalTo(4));
        as(viewer(client)).queryParam("period", PERIOD).get(interactions(client)).then()
                .body("items.find { it.offeredAt == '2025-03-10T09:00:00Z' }.transferred", equalTo(false))
                .body("items.qualityScore", hasSize(4));
    }

    @Test
    void emptyBatchIsRefused() {
        as(INGEST).body("[]").post(interactions(OWN)).then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/malformed-body"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", equalTo("must hold at least one interaction record"));
    }

    @Test
    void objectInsteadOfArrayIsRefused() {
        as(INGEST).body(answered(id(), OFFERED)).post(interactions(OWN)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", equalTo("must be a JSON array of interaction records"));
    }

    @Test
    void malformedJsonIsRefused() {
        as(INGEST).body("[{\"externalId\": ").post(interactions(OWN)).then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/malformed-body"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("is not valid JSON"));
        as(INGEST).body("[{\"externalId\": \"a\",}]").post(interactions(OWN)).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("body"));
    }

    @Test
    void emptyBodyIsRefused() {
        as(INGEST).body("").post(interactions(OWN)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("is empty"));
    }

    @Test
    void contentAfterTheArrayIsRefused() {
        as(INGEST).body("[{\"externalId\":\"" + id() + "\",\"channel\":\"EMAIL\",\"offeredAt\":\"" + OFFERED
                        + "\",\"abandoned\":false}] {}")
                .post(interactions(OWN)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].reason", equalTo("must end with its array"));
    }

    @Test
    void aFieldTwiceInOneRecordIsRefused() {
        as(INGEST).body("[{\"externalId\":\"" + id() + "\",\"channel\":\"EMAIL\",\"csat\":1,\"csat\":5,"
                        + "\"offeredAt\":\"" + OFFERED + "\",\"abandoned\":false}]")
                .post(interactions(OWN)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("Duplicate field 'csat'"));
    }

    @Test
    void otherMediaTypesAreRefused() {
        given().auth().oauth2(INGEST).contentType("text/plain").body("externalId,channel\nx,PHONE\n")
                .post(interactions(OWN)).then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void fullBatchIsAccepted() {
        String client = "in-bulk";
        as(ingest(client)).body(batchJson("bulk", 5000, OFFERED)).post(interactions(client))
                .then().statusCode(200)
                .body("received", equalTo(5000)).body("created", equalTo(5000)).body("duplicates", equalTo(0));
        as(viewer(client)).queryParam("period", PERIOD).queryParam("limit", 500).get(interactions(client))
                .then().statusCode(200).body("items", hasSize(500)).body("nextCursor", notNullValue());
    }

    @Test
    void batchOverTheRecordLimitIsRefusedAndNothingIsStored() {
        String client = "in-bulk-over";
        as(ingest(client)).body(batchJson("over", 100_001, OFFERED)).post(interactions(client))
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", endsWith("/payload-too-large"))
                .body("detail", containsString("at most 100000 interaction records"))
                .body("errors[0].field", equalTo("body"));
        assertEquals(List.of(), stored(client).getList("items"));
    }

    @Test
    void bodyLargerThanTheSharedDefaultLimitIsAccepted() {
        // 12 MB, over the kit's 10 MB default: a full batch pretty-printed with long texts must fit
        String client = "in-big-body";
        String body = "[" + " ".repeat(12 * 1024 * 1024) + "{\"externalId\":\"" + id()
                + "\",\"channel\":\"EMAIL\",\"offeredAt\":\"" + OFFERED + "\",\"abandoned\":false}]";
        as(ingest(client)).body(body).post(interactions(client)).then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void bodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] huge = new byte[129 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + interactions(OWN)))
                .expectContinue(true)
                .header("Authorization", "Bearer " + INGEST).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().contentType("application/json").body(batch(answered(id(), OFFERED))).post(interactions(OWN))
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void accountManagerMayIngest() {
        as(Tokens.token("carol", "account-manager", OWN)).body(batch(answered(id(), OFFERED)))
                .post(interactions(OWN)).then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void readersAgentsAuditorsAndProviderAdminsMayNotIngest() {
        List<String> refused = List.of(VIEWER, Tokens.token("alice", "client-manager", OWN),
                Tokens.token("dave", "agent", OWN), Tokens.token("erin", "auditor", OWN),
                Tokens.token("frank", "provider-admin"));
        for (String token : refused) {
            as(token).body(batch(answered(id(), OFFERED))).post(interactions(OWN))
                    .then().statusCode(403).contentType(PROBLEM);
        }
        as(VIEWER).body(batch(answered(id(), OFFERED))).post(interactions(OWN))
                .then().body("type", endsWith("/role-forbidden"));
    }

    @Test
    void ingestTokenOfOneClientCannotPushForAnother() {
        String foreign = id();
        as(INGEST).body(batch(answered(foreign, OFFERED))).post(interactions(OTHER))
                .then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/tenant-forbidden"));
        as(Tokens.token("bob", "client-viewer", OTHER)).queryParam("period", PERIOD).queryParam("limit", 500)
                .get(interactions(OTHER)).then().statusCode(200)
                .body("items.findAll { it.externalId == '" + foreign + "' }", empty());
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String client = "in-idem";
        String key = "batch-" + UUID.randomUUID();
        List<Map<String, Object>> records = batch(answered(id(), OFFERED), answered(id(), OFFERED));
        as(ingest(client)).header("Idempotency-Key", key).body(records).post(interactions(client))
                .then().statusCode(200).header("Idempotent-Replayed", "false").body("created", equalTo(2));
        as(ingest(client)).header("Idempotency-Key", key).body(records).post(interactions(client))
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("created", equalTo(2)).body("duplicates", equalTo(0));
        // without the key the same batch is ingested again, and every record is a duplicate
        as(ingest(client)).body(records).post(interactions(client))
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(2));
        assertEquals(2, stored(client).getList("items").size());
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyDoTheWorkOnceAndNeverFail() throws Exception {
        String client = "in-idem-race";
        for (int attempt = 0; attempt < 5; attempt++) {
            String key = "race-" + UUID.randomUUID();
            List<Map<String, Object>> records = batch(answered(id(), OFFERED), answered(id(), OFFERED));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(pool.submit(() -> as(ingest(client)).header("Idempotency-Key", key).body(records)
                            .post(interactions(client))));
                }
                int firsts = 0;
                for (java.util.concurrent.Future<io.restassured.response.Response> answer : answers) {
                    io.restassured.response.Response response = answer.get();
                    assertEquals(200, response.statusCode(), response.asString());
                    assertEquals(2, response.jsonPath().getInt("created"));
                    firsts += "false".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
                }
                assertEquals(1, firsts, "exactly one request did the work, the others replayed it");
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(10, stored(client).getList("items").size());
    }

    @Test
    void idempotencyKeyReusedWithAnotherBodyIsA422() {
        String client = "in-idem-422";
        String key = "batch-" + UUID.randomUUID();
        as(ingest(client)).header("Idempotency-Key", key).body(batch(answered(id(), OFFERED)))
                .post(interactions(client)).then().statusCode(200);
        as(ingest(client)).header("Idempotency-Key", key).body(batch(answered(id(), OFFERED)))
                .post(interactions(client))
                .then().statusCode(422).contentType(PROBLEM).body("type", endsWith("/idempotency-key-reused"));
        assertEquals(1, stored(client).getList("items").size());
    }

    @Test
    void malformedIdempotencyKeyIsA400() {
        as(INGEST).header("Idempotency-Key", "k".repeat(201)).body(batch(answered(id(), OFFERED)))
                .post(interactions(OWN))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void idempotencyKeysAreScopedByClient() {
        String key = "shared-" + UUID.randomUUID();
        String carol = Tokens.token("carol", "account-manager", "in-key-a", "in-key-b");
        List<Map<String, Object>> records = batch(answered(id(), OFFERED));
        as(carol).header("Idempotency-Key", key).body(records).post(interactions("in-key-a"))
                .then().statusCode(200).header("Idempotent-Replayed", "false").body("created", equalTo(1));
        as(carol).header("Idempotency-Key", key).body(records).post(interactions("in-key-b"))
                .then().statusCode(200).header("Idempotent-Replayed", "false").body("created", equalTo(1));
    }

    @Test
    void problemsCarryTheRequestId() {
        as(INGEST).header("X-Request-Id", "ingest-req-7").body("[]").post(interactions(OWN))
                .then().statusCode(400).header("X-Request-Id", "ingest-req-7")
                .body("requestId", equalTo("ingest-req-7"));
    }
}

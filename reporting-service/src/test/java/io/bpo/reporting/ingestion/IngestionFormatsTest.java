package io.bpo.reporting.ingestion;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.interactions;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.testing.Database;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** NDJSON and CSV bodies, batches of 100,000 records, and where the records land (monthly partitions). */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class IngestionFormatsTest {
    static final io.restassured.config.RestAssuredConfig NDJSON_AS_TEXT = io.restassured.RestAssured.config()
            .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-ndjson", io.restassured.http.ContentType.TEXT));
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final Instant OFFERED = Instant.parse("2025-04-07T08:00:00Z");
    static final String CSV_HEADER = "externalId,channel,queue,offeredAt,answeredAt,endedAt,waitSeconds,"
            + "handleSeconds,abandoned,transferred,firstContactResolution,csat,qualityScore,agentId\n";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    private static String ingest(String clientId) {
        return Tokens.token("ingest-" + clientId, "reporting-ingest", clientId);
    }

    private static JsonPath stored(String clientId, String period) {
        return given().auth().oauth2(Tokens.token("viewer-" + clientId, "client-viewer", clientId))
                .queryParam("period", period).queryParam("limit", 500).get(interactions(clientId))
                .then().statusCode(200).extract().jsonPath();
    }

    /** {@code count} NDJSON lines, one second apart; the line given as {@code bad} (1-based) gets csat 9. */
    static String ndjson(String prefix, int count, int bad) {
        StringBuilder body = new StringBuilder(count * 120);
        for (int i = 0; i < count; i++) {
            body.append("{\"externalId\":\"").append(prefix).append('-').append(i)
                    .append("\",\"channel\":\"PHONE\",\"queue\":\"billing\",\"offeredAt\":\"")
                    .append(OFFERED.plusSeconds(i)).append("\",\"waitSeconds\":").append(i % 90)
                    .append(",\"abandoned\":false").append(i + 1 == bad ? ",\"csat\":9" : "").append("}\n");
        }
        return body.toString();
    }

    @Test
    void ndjsonBatchIsStored() {
        String client = "fmt-ndjson";
        String body = "{\"externalId\":\"n-1\",\"channel\":\"PHONE\",\"queue\":\"billing\",\"offeredAt\":\""
                + OFFERED + "\",\"answeredAt\":\"" + OFFERED.plusSeconds(20) + "\",\"waitSeconds\":20,"
                + "\"handleSeconds\":100,\"abandoned\":false,\"csat\":5,\"qualityScore\":91.5}\n"
                + "\n"
                + "{\"externalId\":\"n-2\",\"channel\":\"CHAT\",\"offeredAt\":\"" + OFFERED.plusSeconds(5)
                + "\",\"abandoned\":true}";
        given().auth().oauth2(ingest(client)).config(NDJSON_AS_TEXT).contentType(NDJSON).body(body).post(interactions(client))
                .then().statusCode(200).body("received", equalTo(2)).body("created", equalTo(2));
        JsonPath stored = stored(client, "2025-04");
        assertEquals(2, stored.getList("items").size());
        assertEquals(91.5f, stored.getFloat("items.find { it.externalId == 'n-1' }.qualityScore"));
        assertEquals(true, stored.getBoolean("items.find { it.externalId == 'n-2' }.abandoned"));
    }

    @Test
    void ndjsonErrorsAreNamedByLine() {
        String body = "{\"externalId\":\"l-1\",\"channel\":\"PHONE\",\"offeredAt\":\"" + OFFERED
                + "\",\"abandoned\":false}\n"
                + "{\"externalId\":\"l-2\",\"channel\":\"FAX\",\"offeredAt\":\"" + OFFERED + "\",\"abandoned\":false}\n"
                + "42\n"
                + "{\"externalId\":\"l-4\",\"channel\":\"PHONE\",\"offeredAt\":\"" + OFFERED
                + "\",\"abandoned\":false,\"csat\":\"5\"}\n";
        given().auth().oauth2(ingest("fmt-nd-bad")).config(NDJSON_AS_TEXT).contentType(NDJSON).body(body).post(interactions("fmt-nd-bad"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("3 of 4"))
                .body("errors.field", org.hamcrest.Matchers.contains("line 2.channel", "line 3", "line 4.csat"));
        assertEquals(0, stored("fmt-nd-bad", "2025-04").getList("items").size());
    }

    @Test
    void ndjsonThatIsNotJsonIsAMalformedBody() {
        given().auth().oauth2(ingest("fmt-nd-broken")).config(NDJSON_AS_TEXT).contentType(NDJSON)
                .body("{\"externalId\":\"b-1\",\"channel\":\"PHONE\",\"offeredAt\":\"" + OFFERED
                        + "\",\"abandoned\":false}\n{\"externalId\": oops}\n")
                .post(interactions("fmt-nd-broken"))
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/malformed-body"))
                .body("detail", containsString("line 2"));
        assertEquals(0, stored("fmt-nd-broken", "2025-04").getList("items").size());
    }

    @Test
    void csvBatchIsStoredWithQuotedValuesAndEmptyCells() {
        String client = "fmt-csv";
        String body = CSV_HEADER
                + "c-1,PHONE,\"billing, level 2\"," + OFFERED + "," + OFFERED.plusSeconds(42) + ","
                + OFFERED.plusSeconds(300) + ",42,258,false,true,true,4,87.50,agt-1\r\n"
                + "c-2,CHAT,,\"" + OFFERED.plusSeconds(60) + "\",,,95,,true,,,,,\r\n"
                + "\"c-\"\"3\"\"\",EMAIL,\"say \"\"hi\"\", then go\"," + OFFERED.plusSeconds(90) + ",,,,,false,false,,,,\n";
        given().auth().oauth2(ingest(client)).contentType(CSV).body(body).post(interactions(client))
                .then().statusCode(200).body("received", equalTo(3)).body("created", equalTo(3));
        JsonPath stored = stored(client, "2025-04");
        assertEquals("billing, level 2", stored.getString("items.find { it.externalId == 'c-1' }.queue"));
        assertEquals(87.5f, stored.getFloat("items.find { it.externalId == 'c-1' }.qualityScore"));
        assertEquals(true, stored.getBoolean("items.find { it.externalId == 'c-2' }.abandoned"));
        org.junit.jupiter.api.Assertions.assertNull(stored.get("items.find { it.externalId == 'c-2' }.queue"));
        assertEquals("say \"hi\", then go", stored.getString("items.find { it.externalId == 'c-\"3\"' }.queue"));
    }

    @Test
    void csvColumnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
        String client = "fmt-csv-min";
        given().auth().oauth2(ingest(client)).contentType(CSV)
                .body("abandoned,offeredAt,channel,externalId\ntrue," + OFFERED + ",CHAT,m-1\n")
                .post(interactions(client)).then().statusCode(200).body("created", equalTo(1));
        // a spreadsheet's byte order mark before the header is not part of the first column's name
        given().auth().oauth2(ingest(client)).contentType(CSV + "; charset=UTF-8")
                .body("\uFEFFexternalId,channel,offeredAt,abandoned\nm-2,CHAT," + OFFERED + ",true\n")
                .post(interactions(client)).then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void csvErrorsAreNamedByLineAndColumn() {
        String body = CSV_HEADER
                + "e-1,PHONE,billing," + OFFERED + ",,,4.5,,false,,,,,\n"
                + "e-2,PHONE,billing," + OFFERED + ",,,,,yes,,,,,\n"
                + "e-3,PHONE,billing,2025-04-07T08:00:00,,,,,false,,,7,,\n"
                + "e-4,PHONE,billing\n"
                + "e-5,PHONE,billing," + OFFERED + ",,,,,false,,,,,\n";
        given().auth().oauth2(ingest("fmt-csv-bad")).contentType(CSV).body(body).post(interactions("fmt-csv-bad"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("4 of 5"))
                .body("errors.field", org.hamcrest.Matchers.contains("line 2.waitSeconds", "line 3.abandoned",
                        "line 4.offeredAt", "line 5"))
                .body("errors[0].reason", equalTo("must be a whole number"));
        assertEquals(0, stored("fmt-csv-bad", "2025-04").getList("items").size());
    }

    @Test
    void csvHeaderWithAnUnknownOrMissingColumnIsAMalformedBody() {
        given().auth().oauth2(ingest("fmt-csv-head")).contentType(CSV)
                .body("externalId,channel,offeredAt,abandoned,duration\nh-1,PHONE," + OFFERED + ",false,3\n")
                .post(interactions("fmt-csv-head"))
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/malformed-body"))
                .body("errors[0].reason", containsString("'duration' is not a known property"));
        given().auth().oauth2(ingest("fmt-csv-head")).contentType(CSV)
                .body("externalId,channel,offeredAt\nh-1,PHONE," + OFFERED + "\n")
                .post(interactions("fmt-csv-head"))
                .then().statusCode(400).body("errors[0].reason", containsString("'abandoned' is missing"));
        given().auth().oauth2(ingest("fmt-csv-head")).contentType(CSV).body("")
                .post(interactions("fmt-csv-head"))
                .then().statusCode(400).body("type", endsWith("/malformed-body"));
        given().auth().oauth2(ingest("fmt-csv-head")).contentType(CSV)
                .body("externalId,channel,offeredAt,abandoned\n\"h-1,PHONE\n")
                .post(interactions("fmt-csv-head"))
                .then().statusCode(400).body("type", endsWith("/malformed-body"))
                .body("detail", containsString("not closed"));
    }

    @Test
    void csvAndNdjsonShareTheDuplicateCheckWithJson() {
        String client = "fmt-dup";
        given().auth().oauth2(ingest(client)).contentType(CSV)
                .body("externalId,channel,offeredAt,abandoned\nd-1,PHONE," + OFFERED + ",false\n")
                .post(interactions(client)).then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(ingest(client)).config(NDJSON_AS_TEXT).contentType(NDJSON)
                .body("{\"externalId\":\"d-1\",\"channel\":\"CHAT\",\"offeredAt\":\"" + OFFERED.plusSeconds(9)
                        + "\",\"abandoned\":true}\n{\"externalId\":\"d-2\",\"channel\":\"CHAT\",\"offeredAt\":\""
                        + OFFERED + "\",\"abandoned\":true}")
                .post(interactions(client)).then().statusCode(200)
                .body("created", equalTo(1)).body("duplicates", equalTo(1));
        assertEquals("PHONE", stored(client, "2025-04").getString("items.find { it.externalId == 'd-1' }.channel"));
    }

    @Test
    void hundredThousandRecordsAreStoredAndReplayedAsDuplicates() {
        String client = "fmt-100k";
        String body = ndjson("k", 100_000, 0);
        given().auth().oauth2(ingest(client)).config(NDJSON_AS_TEXT).contentType(NDJSON).body(body).post(interactions(client))
                .then().statusCode(200).body("received", equalTo(100_000)).body("created", equalTo(100_000));
        given().auth().oauth2(ingest(client)).config(NDJSON_AS_TEXT).contentType(NDJSON).body(body).post(interactions(client))
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(100_000));
    }

    @Test
    void oneBadRecordInHundredThousandRefusesTheBatchNamingItsLine() {
        String client = "fmt-100k-bad";
        given().auth().oauth2(ingest(client)).config(NDJSON_AS_TEXT).contentType(NDJSON).body(ndjson("b", 100_000, 99_998))
                .post(interactions(client))
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("1 of 100000"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("line 99998.csat"))
                .body("errors[0].reason", equalTo("must be less than or equal to 5"));
        assertEquals(0, stored(client, "2025-04").getList("items").size());
    }

    @Test
    void aBodyBreakingAfterSeveralStoredChunksLeavesNothingStored() {
        // 12,000 good lines are two chunks written before the broken line is read: the batch is still all or nothing
        String client = "fmt-broken-late";
        given().auth().oauth2(ingest(client)).config(NDJSON_AS_TEXT).contentType(NDJSON)
                .body(ndjson("late", 12_000, 0) + "{\"externalId\": \"late-x\", oops\n")
                .post(interactions(client))
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/malformed-body"))
                .body("detail", containsString("line 12001"));
        assertEquals(0, stored(client, "2025-04").getList("items").size());
    }

    @Test
    void errorsListedAreCappedButAllCounted() {
        StringBuilder body = new StringBuilder("externalId,channel,offeredAt,abandoned\n");
        for (int i = 0; i < 1500; i++) {
            body.append("x-").append(i).append(",FAX,").append(OFFERED).append(",false\n");
        }
        given().auth().oauth2(ingest("fmt-cap")).contentType(CSV).body(body.toString())
                .post(interactions("fmt-cap"))
                .then().statusCode(400).body("detail", containsString("1500 of 1500"))
                .body("detail", containsString("first 1000 errors")).body("errors", hasSize(1000));
    }

    @Test
    void recordsLandInTheirMonthsPartitionAndFarFutureOnesInTheDefault() throws SQLException {
        String client = "fmt-part";
        String id = "p-" + UUID.randomUUID();
        given().auth().oauth2(ingest(client)).config(NDJSON_AS_TEXT).contentType(NDJSON)
                .body("{\"externalId\":\"" + id + "\",\"channel\":\"PHONE\",\"offeredAt\":\"2025-04-30T23:59:59Z\","
                        + "\"abandoned\":true}\n{\"externalId\":\"" + id + "-far\",\"channel\":\"PHONE\","
                        + "\"offeredAt\":\"2150-01-01T00:00:00Z\",\"abandoned\":true}\n")
                .post(interactions(client)).then().statusCode(200).body("created", equalTo(2));
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + client + "', true)");
                assertEquals("interactions_2025_04", partitionOf(st, id));
                assertEquals("interactions_default", partitionOf(st, id + "-far"));
                // the app role reaches the rows only through the parent, where row-level security applies
                SQLException direct = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> Database.count(st, "select count(*) from interactions_2025_04"));
                assertTrue(direct.getMessage().contains("permission denied"), direct.getMessage());
            }
            app.rollback();
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', 'fmt-someone-else', true)");
                assertEquals(0, Database.count(st, "select count(*) from interactions where external_id like '"
                        + id + "%'"));
            }
            app.rollback();
        }
    }

    @Test
    void ndjsonAndCsvHaveTheSameRolesAndTenantChecksAsJson() {
        String client = "fmt-roles";
        String line = "{\"externalId\":\"r-1\",\"channel\":\"PHONE\",\"offeredAt\":\"" + OFFERED
                + "\",\"abandoned\":true}\n";
        String csv = "externalId,channel,offeredAt,abandoned\nr-2,PHONE," + OFFERED + ",true\n";
        for (String refused : java.util.List.of(Tokens.token("v", "client-viewer", client),
                Tokens.token("a", "client-manager", client), Tokens.token("d", "agent", client),
                Tokens.token("f", "provider-admin"))) {
            given().auth().oauth2(refused).config(NDJSON_AS_TEXT).contentType(NDJSON).body(line)
                    .post(interactions(client)).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(refused).contentType(CSV).body(csv)
                    .post(interactions(client)).then().statusCode(403).contentType(PROBLEM);
        }
        // another client's machine token: refused, whatever the format
        given().auth().oauth2(ingest("fmt-roles-other")).config(NDJSON_AS_TEXT).contentType(NDJSON).body(line)
                .post(interactions(client)).then().statusCode(403).body("type", endsWith("/tenant-forbidden"));
        given().auth().oauth2(ingest("fmt-roles-other")).contentType(CSV).body(csv)
                .post(interactions(client)).then().statusCode(403).body("type", endsWith("/tenant-forbidden"));
        given().contentType(CSV).body(csv).post(interactions(client)).then().statusCode(401);
        given().auth().oauth2(Tokens.token("carol", "account-manager", client)).contentType(CSV).body(csv)
                .post(interactions(client)).then().statusCode(200).body("created", equalTo(1));
        assertEquals(1, stored(client, "2025-04").getList("items").size());
    }

    private static String partitionOf(Statement st, String externalId) throws SQLException {
        try (ResultSet row = st.executeQuery("select tableoid::regclass::text from interactions where external_id = '"
                + externalId + "'")) {
            row.next();
            return row.getString(1);
        }
    }
}

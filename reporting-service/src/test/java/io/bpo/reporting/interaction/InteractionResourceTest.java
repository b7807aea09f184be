package io.bpo.reporting.interaction;

import static io.bpo.reporting.Api.PROBLEM;
import static io.bpo.reporting.Api.abandoned;
import static io.bpo.reporting.Api.answered;
import static io.bpo.reporting.Api.as;
import static io.bpo.reporting.Api.batch;
import static io.bpo.reporting.Api.batchJson;
import static io.bpo.reporting.Api.interactions;
import static io.bpo.reporting.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class InteractionResourceTest {
    static final String OWN = "rd-own";
    static final String OTHER = "rd-other";
    static final Instant MARCH = Instant.parse("2025-03-03T08:00:00Z");
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);

    private static String ingest(String clientId) {
        return Tokens.token("ingest-" + clientId, "reporting-ingest", clientId);
    }

    private static String viewer(String clientId) {
        return Tokens.token("viewer-" + clientId, "client-viewer", clientId);
    }

    private static String id() {
        return "ext-" + UUID.randomUUID();
    }

    private static void push(String clientId, List<Map<String, Object>> records) {
        as(ingest(clientId)).body(records).post(interactions(clientId)).then().statusCode(200)
                .body("created", equalTo(records.size()));
    }

    /** The id the service gave to a record of the client's March 2025. */
    private static String storedId(String clientId, String externalId) {
        return as(viewer(clientId)).queryParam("period", "2025-03").queryParam("limit", 500)
                .get(interactions(clientId)).then().statusCode(200).extract()
                .path("items.find { it.externalId == '" + externalId + "' }.id");
    }

    @Test
    void oneRecordIsReadBackById() {
        String externalId = id();
        push(OWN, batch(answered(externalId, MARCH)));
        String id = storedId(OWN, externalId);
        as(VIEWER).get(interactions(OWN) + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("clientId", equalTo(OWN)).body("externalId", equalTo(externalId))
                .body("channel", equalTo("PHONE")).body("offeredAt", equalTo("2025-03-03T08:00:00Z"))
                .body("handleSeconds", equalTo(261)).body("receivedAt", notNullValue())
                .body("createdAt", notNullValue());
    }

    @Test
    void anotherClientsInteractionIdUnderOwnPathIsNotFound() {
        String externalId = id();
        push(OTHER, batch(answered(externalId, MARCH)));
        String foreign = storedId(OTHER, externalId);
        as(VIEWER).get(interactions(OWN) + "/" + foreign).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
        as(viewer(OTHER)).get(interactions(OTHER) + "/" + foreign).then().statusCode(200);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        as(VIEWER).get(interactions(OWN) + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        as(VIEWER).get(interactions(OWN) + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void withoutPeriodTheCurrentMonthIsListed() {
        String client = "rd-default";
        Instant monthStart = YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant nextMonth = YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        push(client, batch(abandoned("last-month", monthStart.minusSeconds(1)), abandoned("this-month", monthStart),
                abandoned("next-month", nextMonth)));
        as(viewer(client)).get(interactions(client)).then().statusCode(200)
                .body("items.externalId", contains("this-month")).body("nextCursor", nullValue());
    }

    @Test
    void periodListsThatCalendarMonthInOfferOrder() {
        String client = "rd-period";
        push(client, periodEdges());
        as(viewer(client)).queryParam("period", "2025-03").get(interactions(client)).then().statusCode(200)
                .body("items.externalId", contains("first-of-march", "last-of-march"));
    }

    @Test
    void fromToIsHalfOpen() {
        String client = "rd-from-to";
        push(client, periodEdges());
        as(viewer(client)).queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-04-01T00:00:00Z")
                .get(interactions(client)).then().statusCode(200)
                .body("items.externalId", contains("first-of-march", "last-of-march"));
        as(viewer(client)).queryParam("from", "2025-02-28T23:59:59Z").queryParam("to", "2025-03-01T00:00:00Z")
                .get(interactions(client)).then().statusCode(200)
                .body("items.externalId", contains("last-of-february"));
    }

    private static List<Map<String, Object>> periodEdges() {
        return batch(abandoned("first-of-april", Instant.parse("2025-04-01T00:00:00Z")),
                abandoned("last-of-march", Instant.parse("2025-03-31T23:59:59.999999Z")),
                abandoned("first-of-march", Instant.parse("2025-03-01T00:00:00Z")),
                abandoned("last-of-february", Instant.parse("2025-02-28T23:59:59Z")));
    }

    @Test
    void channelAndQueueNarrowTheList() {
        String client = "rd-filter";
        push(client, batch(answered("phone-billing", MARCH),
                with(answered("phone-claims", MARCH.plusSeconds(1)), "queue", "claims"),
                with(answered("email-billing", MARCH.plusSeconds(2)), "channel", "EMAIL")));
        String base = interactions(client) + "?period=2025-03";
        as(viewer(client)).get(base + "&channel=PHONE").then().statusCode(200)
                .body("items.externalId", contains("phone-billing", "phone-claims"));
        as(viewer(client)).get(base + "&queue=billing").then().statusCode(200)
                .body("items.externalId", contains("phone-billing", "email-billing"));
        as(viewer(client)).get(base + "&channel=EMAIL&queue=billing").then().statusCode(200)
                .body("items.externalId", contains("email-billing"));
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("period=2025-13", "period"),
                Arguments.of("period=2025-3", "period"),
                Arguments.of("period=march", "period"),
                Arguments.of("period=2025-03&from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z", "period"),
                Arguments.of("from=2025-03-01T00:00:00Z", "to"),
                Arguments.of("to=2025-03-01T00:00:00Z", "from"),
                Arguments.of("from=yesterday&to=2025-03-01T00:00:00Z", "from"),
                Arguments.of("from=2025-03-01&to=2025-04-01T00:00:00Z", "from"),
                Arguments.of("from=2025-04-01T00:00:00Z&to=2025-03-01T00:00:00Z", "from"),
                Arguments.of("from=2025-03-01T00:00:00Z&to=2025-03-01T00:00:00Z", "from"),
                Arguments.of("from=2025-03-01T00:00:00Z&to=%2B20000-01-01T00:00:00Z", "to"),
                Arguments.of("channel=FAX", "channel"),
                Arguments.of("queue=" + "q".repeat(101), "queue"),
                Arguments.of("queue=a%00b", "queue"),
                Arguments.of("limit=0", "limit"),
                Arguments.of("limit=501", "limit"),
                Arguments.of("limit=ten", "limit"),
                Arguments.of("cursor=@@@", "cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParameterIsA400NamingIt(String query, String parameter) {
        as(VIEWER).urlEncodingEnabled(false).get(interactions(OWN) + "?" + query)
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/validation"))
                .body("errors.field", contains(parameter));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        as(VIEWER).get(interactions(OWN) + "?period=march&channel=FAX&limit=0").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("period", "channel", "limit"));
    }

    @Test
    void pagesCoverEveryRecordOnceEvenWhenEarlierRecordsArrive() {
        String client = "rd-paging";
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(abandoned("same-instant-" + i, MARCH));
        }
        for (int i = 0; i < 3; i++) {
            records.add(abandoned("later-" + i, MARCH.plusSeconds(60 + i)));
        }
        push(client, records);

        List<String> seen = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(viewer(client)).queryParam("period", "2025-03").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(interactions(client)).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.externalId"));
            offered.addAll(page.getList("items.offeredAt"));
            cursor = page.getString("nextCursor");
            if (pages++ == 0) {
                // a record offered before everything read so far: it must not shift the pages still to come
                push(client, batch(abandoned("latecomer", MARCH.minusSeconds(3600))));
            }
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(7, seen.size());
        Set<String> distinct = new HashSet<>(seen);
        assertEquals(7, distinct.size(), "no record twice: " + seen);
        assertFalse(distinct.contains("latecomer"));
        for (int i = 1; i < offered.size(); i++) {
            assertTrue(Instant.parse(offered.get(i - 1)).compareTo(Instant.parse(offered.get(i))) <= 0,
                    "offer order: " + offered);
        }
        as(viewer(client)).queryParam("period", "2025-03").get(interactions(client)).then()
                .body("items", hasSize(8)).body("items[0].externalId", equalTo("latecomer"));
    }

    @Test
    void pageSizeDefaultsTo100AndGoesUpTo500() {
        String client = "rd-size";
        as(ingest(client)).body(batchJson("size", 501, MARCH)).post(interactions(client))
                .then().statusCode(200).body("created", equalTo(501));
        as(viewer(client)).queryParam("period", "2025-03").get(interactions(client)).then().statusCode(200)
                .body("items", hasSize(100)).body("nextCursor", notNullValue());
        String next = as(viewer(client)).queryParam("period", "2025-03").queryParam("limit", 500)
                .get(interactions(client)).then().statusCode(200)
                .body("items", hasSize(500)).body("items[499].externalId", equalTo("size-499"))
                .extract().path("nextCursor");
        as(viewer(client)).queryParam("period", "2025-03").queryParam("limit", 500).queryParam("cursor", next)
                .get(interactions(client)).then().statusCode(200)
                .body("items.externalId", contains("size-500")).body("nextCursor", nullValue());
    }

    @Test
    void clientStaffAndAccountManagersMayRead() {
        for (String token : List.of(VIEWER, Tokens.token("alice", "client-manager", OWN),
                Tokens.token("carol", "account-manager", OWN))) {
            as(token).get(interactions(OWN)).then().statusCode(200);
            as(token).get(interactions(OWN) + "/" + UUID.randomUUID()).then().statusCode(404);
        }
    }

    @Test
    void agentsAuditorsProviderAdminsAndIngestMachinesMayNotRead() {
        for (String token : List.of(Tokens.token("dave", "agent", OWN), Tokens.token("erin", "auditor", OWN),
                Tokens.token("frank", "provider-admin"), ingest(OWN))) {
            as(token).get(interactions(OWN)).then().statusCode(403).contentType(PROBLEM)
                    .body("type", endsWith("/role-forbidden"));
            as(token).get(interactions(OWN) + "/" + UUID.randomUUID()).then().statusCode(403);
        }
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().get(interactions(OWN)).then().statusCode(401).contentType(PROBLEM);
        given().get(interactions(OWN) + "/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anotherClientsListIsForbidden() {
        as(VIEWER).get(interactions(OTHER)).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("/tenant-forbidden"));
    }
}

package io.bpo.notifications.event;

import static io.bpo.notifications.Api.PUBLISHER;
import static io.bpo.notifications.Api.as;
import static io.bpo.notifications.Api.awaiting;
import static io.bpo.notifications.Api.person;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The idempotent consumer of the outbox relays. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class EventIntakeTest {
    static final String CLIENT = "intake-a";
    static final String MANAGER = person("intake-alice", "client-manager", CLIENT);

    @Test
    void redeliveredEventIsStoredAndNotifiedOnce() {
        Map<String, Object> event = awaiting(CLIENT, "C-DUP", "CLIENT");
        as(PUBLISHER).body(Map.of("events", List.of(event))).post("/internal/v1/events").then()
                .statusCode(200).body("stored", equalTo(1)).body("duplicates", equalTo(0));
        as(PUBLISHER).body(Map.of("events", List.of(event, event))).post("/internal/v1/events").then()
                .statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(2));

        List<String> titles = as(MANAGER).get("/api/v1/me/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.title");
        org.junit.jupiter.api.Assertions.assertEquals(1,
                titles.stream().filter(t -> t.contains("C-DUP")).count(), titles.toString());
    }

    @Test
    void onlyPublishersMayPostEvents() {
        as(MANAGER).body(Map.of("events", List.of(awaiting(CLIENT, "C-ROLE", "CLIENT"))))
                .post("/internal/v1/events").then().statusCode(403);
    }

    @Test
    void anonymousIsRefused() {
        io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("events", List.of(awaiting(CLIENT, "C-ANON", "CLIENT"))))
                .post("/internal/v1/events").then().statusCode(401);
    }

    @Test
    void malformedEventIsAProblemNamingTheField() {
        Map<String, Object> bad = new java.util.HashMap<>(awaiting(CLIENT, "C-BAD", "CLIENT"));
        bad.put("tenantId", "Not A Client");
        as(PUBLISHER).body(Map.of("events", List.of(bad))).post("/internal/v1/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("tenantId")));
    }
}

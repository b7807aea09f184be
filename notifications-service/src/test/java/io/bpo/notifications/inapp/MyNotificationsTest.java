package io.bpo.notifications.inapp;

import static io.bpo.notifications.Api.as;
import static io.bpo.notifications.Api.awaiting;
import static io.bpo.notifications.Api.person;
import static io.bpo.notifications.Api.publish;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** GET /api/v1/me/notifications: the caller's own, by role and client, paged, with read state. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class MyNotificationsTest {
    static final String OWN = "inapp-a";
    static final String OTHER = "inapp-b";

    @Test
    void clientManagerSeesWhatAwaitsTheClientSideAndMarksItRead() {
        String alice = person("inapp-alice", "client-manager", OWN);
        publish(awaiting(OWN, "C-1", "CLIENT"));
        String id = as(alice).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("change-request.awaiting-decision"))
                .body("items[0].title", containsString("C-1"))
                .body("items[0].clientId", equalTo(OWN))
                .body("items[0].link", equalTo("/clients/" + OWN + "/contracts/x"))
                .body("items[0].read", equalTo(false))
                .body("unreadCount", equalTo(1))
                .extract().path("items[0].id");

        as(alice).post("/api/v1/me/notifications/" + id + "/read").then().statusCode(200)
                .body("read", equalTo(true)).body("readAt", notNullValue());
        as(alice).get("/api/v1/me/notifications/unread-count").then().statusCode(200)
                .body("unreadCount", equalTo(0));
        as(alice).queryParam("unread", true).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void eventForTheProviderSideDoesNotReachClientManagers() {
        String viewer = person("inapp-client2", "client-manager", OTHER);
        String carol = person("inapp-carol", "account-manager", OTHER);
        publish(awaiting(OTHER, "C-PROV", "PROVIDER"));
        as(viewer).get("/api/v1/me/notifications").then().statusCode(200).body("items", hasSize(0));
        as(carol).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.hasItem(containsString("C-PROV")));
    }

    @Test
    void anotherClientsNotificationIsNeitherListedNorMarkable() {
        String intruder = person("inapp-bob", "client-manager", "inapp-c");
        String owner = person("inapp-alice2", "client-manager", "inapp-d");
        publish(awaiting("inapp-d", "C-SECRET", "CLIENT"));
        String id = as(owner).get("/api/v1/me/notifications").then().statusCode(200)
                .extract().path("items[0].id");
        as(intruder).get("/api/v1/me/notifications").then().statusCode(200).body("items", hasSize(0));
        as(intruder).post("/api/v1/me/notifications/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        as(owner).get("/api/v1/me/notifications").then().body("items[0].read", equalTo(false));
    }

    @Test
    void pagesFollowTheCursorNewestFirst() {
        String manager = person("inapp-pager", "client-manager", "inapp-e");
        publish(awaiting("inapp-e", "P-1", "CLIENT"), awaiting("inapp-e", "P-2", "CLIENT"),
                awaiting("inapp-e", "P-3", "CLIENT"));
        String next = as(manager).queryParam("limit", 2).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue())
                .body("items[0].title", containsString("P-3"))
                .extract().path("nextCursor");
        as(manager).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/me/notifications").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].title", containsString("P-1"))
                .body("nextCursor", nullValue());
        as(manager).post("/api/v1/me/notifications/read-all").then().statusCode(200).body("marked", equalTo(3));
    }

    @Test
    void badPagingIsAProblemNamingTheParameter() {
        String manager = person("inapp-bad", "client-manager", OWN);
        as(manager).queryParam("limit", 0).get("/api/v1/me/notifications").then().statusCode(400)
                .contentType("application/problem+json");
        as(manager).queryParam("cursor", "nope").get("/api/v1/me/notifications").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anonymousIsRefused() {
        io.restassured.RestAssured.get("/api/v1/me/notifications").then().statusCode(401);
    }
}

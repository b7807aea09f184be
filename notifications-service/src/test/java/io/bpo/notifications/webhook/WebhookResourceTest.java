package io.bpo.notifications.webhook;

import static io.bpo.notifications.Api.as;
import static io.bpo.notifications.Api.person;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** /api/v1/clients/{clientId}/webhooks: who may manage them, what is valid, and isolation between clients. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookResourceTest {
    static final String OWN = "hooks-a";
    static final String OTHER = "hooks-b";
    static final String MANAGER = person("hooks-alice", "client-manager", OWN);
    static final String ACCOUNT_MANAGER = person("hooks-carol", "account-manager", OWN, OTHER);
    static final String OTHER_MANAGER = person("hooks-bob", "client-manager", OTHER);
    static final Map<String, Object> HOOK = Map.of("url", "https://receiver.example/hook",
            "eventTypes", List.of("change-request.decided", "statement.ready"), "description", "ERP");

    String create(String token, String client) {
        return as(token).body(HOOK).post("/api/v1/clients/" + client + "/webhooks").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void clientManagerCreatesAWebhookAndGetsItsSecretOnce() {
        String id = as(MANAGER).body(HOOK).post("/api/v1/clients/" + OWN + "/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("status", equalTo("ACTIVE"))
                .body("eventTypes", hasSize(2)).body("createdBy", equalTo("hooks-alice"))
                .extract().path("id");
        as(MANAGER).get("/api/v1/clients/" + OWN + "/webhooks/" + id).then().statusCode(200)
                .body("url", equalTo("https://receiver.example/hook")).body("secret", nullValue());
        as(ACCOUNT_MANAGER).get("/api/v1/clients/" + OWN + "/webhooks").then().statusCode(200)
                .body("id", hasItem(id));
        as(MANAGER).get("/api/v1/clients/" + OWN + "/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items", hasSize(0));
        as(MANAGER).delete("/api/v1/clients/" + OWN + "/webhooks/" + id).then().statusCode(204);
        as(MANAGER).get("/api/v1/clients/" + OWN + "/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void invalidUrlAndUnknownEventTypeAreProblemsNamingTheField() {
        as(MANAGER).body(Map.of("url", "ftp://x", "eventTypes", List.of("*")))
                .post("/api/v1/clients/" + OWN + "/webhooks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        as(MANAGER).body(Map.of("url", "https://x.example", "eventTypes", List.of("nope.nope")))
                .post("/api/v1/clients/" + OWN + "/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[0]"));
        as(MANAGER).body(Map.of("url", "https://x.example", "eventTypes", List.of()))
                .post("/api/v1/clients/" + OWN + "/webhooks").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.containsString("eventTypes"));
    }

    @Test
    void viewersAndAgentsMayNotManageWebhooks() {
        as(person("hooks-viewer", "client-viewer", OWN)).body(HOOK).post("/api/v1/clients/" + OWN + "/webhooks")
                .then().statusCode(403);
        as(person("hooks-dave", "agent", OWN)).get("/api/v1/clients/" + OWN + "/webhooks").then().statusCode(403);
    }

    @Test
    void anotherClientsWebhooksAreOutOfReach() {
        String theirs = create(OTHER_MANAGER, OTHER);
        as(MANAGER).get("/api/v1/clients/" + OTHER + "/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
        as(MANAGER).body(HOOK).post("/api/v1/clients/" + OTHER + "/webhooks").then().statusCode(403);
        // an account manager of both clients, asking through the wrong client, finds nothing
        as(ACCOUNT_MANAGER).get("/api/v1/clients/" + OWN + "/webhooks/" + theirs).then().statusCode(404);
        as(ACCOUNT_MANAGER).delete("/api/v1/clients/" + OWN + "/webhooks/" + theirs).then().statusCode(404);
        as(ACCOUNT_MANAGER).post("/api/v1/clients/" + OWN + "/webhooks/" + theirs + "/enable").then()
                .statusCode(404);
        as(OTHER_MANAGER).get("/api/v1/clients/" + OTHER + "/webhooks/" + theirs).then().statusCode(200);
    }

    @Test
    void redeliveringAnUnknownDeliveryIsNotFound() {
        String id = create(MANAGER, OWN);
        as(MANAGER).post("/api/v1/clients/" + OWN + "/webhooks/" + id + "/deliveries/" + UUID.randomUUID()
                + "/redeliver").then().statusCode(404).contentType("application/problem+json");
    }
}

package io.bpo.notifications.webhook;

import static io.bpo.notifications.Api.as;
import static io.bpo.notifications.Api.awaiting;
import static io.bpo.notifications.Api.event;
import static io.bpo.notifications.Api.person;
import static io.bpo.notifications.Api.publish;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Delivery to real receivers on loopback ports: Standard Webhooks signatures, retries while a receiver is down and
 * everything in order once it is back, manual redelivery, disabling after the retry schedule (200, 400, 800 ms in
 * the test profile) with a notice to the client's managers.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {
    static final ObjectMapper JSON = new ObjectMapper();

    String subscribe(String token, String client, String url) {
        return as(token).body(Map.of("url", url, "eventTypes", List.of("*")))
                .post("/api/v1/clients/" + client + "/webhooks").then().statusCode(201).extract().asString();
    }

    @Test
    void payloadIsSignedPerStandardWebhooks() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String manager = person("deliv-sig", "client-manager", "deliv-sig");
            var created = JSON.readTree(subscribe(manager, "deliv-sig", receiver.url()));
            UUID eventId = UUID.randomUUID();
            publish(event(eventId, "deliv-sig", "statement.ready", Map.of("period", "2026-11")));
            waitFor(() -> receiver.accepted.size() == 1);

            Receiver.Received got = receiver.accepted.get(0);
            assertEquals(eventId.toString(), got.id());
            assertEquals(WebhookSigner.sign(created.get("secret").asText(), got.id(), Long.parseLong(got.timestamp()),
                    got.body()), got.signature());
            assertEquals(hmacByHand(created.get("secret").asText(), got), got.signature());
            var body = JSON.readTree(got.body());
            assertEquals("statement.ready", body.get("type").asText());
            assertEquals("2026-11", body.get("data").get("period").asText());
            assertEquals("deliv-sig", body.get("clientId").asText());
        }
    }

    @Test
    void receiverDownForAWhileGetsEverythingInOrderOnceBack() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String manager = person("deliv-down", "client-manager", "deliv-down");
            String hook = JSON.readTree(subscribe(manager, "deliv-down", receiver.url())).get("id").asText();
            receiver.status = 503;
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                var event = awaiting("deliv-down", "ORDER-" + i, "CLIENT");
                sent.add(event.get("id").toString());
                publish(event);
            }
            waitFor(() -> receiver.refused >= 2);
            receiver.status = 200;
            waitFor(() -> receiver.accepted.size() == 5);
            assertEquals(sent, receiver.accepted.stream().map(Receiver.Received::id).toList());
            as(manager).get("/api/v1/clients/deliv-down/webhooks/" + hook + "/deliveries").then().statusCode(200)
                    .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")))
                    .body("items.lastError", hasItem(org.hamcrest.Matchers.nullValue()));
        }
    }

    @Test
    void manualRedeliverySendsTheSameEventAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String manager = person("deliv-again", "client-manager", "deliv-again");
            String hook = JSON.readTree(subscribe(manager, "deliv-again", receiver.url())).get("id").asText();
            publish(awaiting("deliv-again", "AGAIN", "CLIENT"));
            waitFor(() -> receiver.accepted.size() == 1);
            String delivery = as(manager).get("/api/v1/clients/deliv-again/webhooks/" + hook + "/deliveries")
                    .then().extract().path("items[0].id");
            as(manager).post("/api/v1/clients/deliv-again/webhooks/" + hook + "/deliveries/" + delivery
                    + "/redeliver").then().statusCode(202).body("redeliveryOf", equalTo(delivery));
            waitFor(() -> receiver.accepted.size() == 2);
            assertEquals(receiver.accepted.get(0).id(), receiver.accepted.get(1).id());
            assertEquals(receiver.accepted.get(0).body(), receiver.accepted.get(1).body());
        }
    }

    @Test
    void persistentFailureDisablesTheWebhookAndTellsTheClientManagers() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String manager = person("deliv-dead", "client-manager", "deliv-dead");
            String hook = JSON.readTree(subscribe(manager, "deliv-dead", receiver.url())).get("id").asText();
            receiver.status = 500;
            publish(awaiting("deliv-dead", "DEAD", "CLIENT"));
            waitFor(() -> "DISABLED".equals(as(manager).get("/api/v1/clients/deliv-dead/webhooks/" + hook)
                    .then().extract().path("status")));
            assertEquals(4, receiver.refused);
            waitFor(() -> as(manager).get("/api/v1/me/notifications").then().extract()
                    .<List<String>>path("items.type").contains("webhook.disabled"));

            receiver.status = 204;
            as(manager).post("/api/v1/clients/deliv-dead/webhooks/" + hook + "/enable").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            waitFor(() -> receiver.accepted.size() == 1);
        }
    }

    static String hmacByHand(String secret, Receiver.Received got) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(
                (got.id() + "." + got.timestamp() + "." + got.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static void waitFor(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

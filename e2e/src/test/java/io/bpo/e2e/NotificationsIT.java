package io.bpo.e2e;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * An event from end to end, through the gateway with real tokens: carol (provider side) raises a change request
 * on an acme contract; contracts-service records the event in its outbox with the change, its relay posts it to
 * notifications-service as contracts-service itself; alice (client manager of acme) finds it in her notifications,
 * and acme's webhook receiver (a small HTTP server of this test on a loopback port) gets it signed per the
 * Standard Webhooks specification, verified here with nothing but the JDK.
 */
class NotificationsIT extends PlatformClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DEMO_TERMS = Path.of(System.getProperty("demo.terms", "../scripts/demo-data/terms"));
    static final String ACME_CONTRACTS = "/api/v1/clients/" + ACME + "/contracts";

    record Received(String id, String timestamp, String signature, String body) {
    }

    @Test
    void changeRequestRaisedByCarolReachesAliceAndAcmesWebhook() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/acme-hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = null;
        try {
            JsonNode created = JSON.readTree(as(ALICE)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/acme-hook",
                            "eventTypes", List.of("change-request.awaiting-decision"), "description", "e2e"))
                    .post("/api/v1/clients/" + ACME + "/webhooks").then().statusCode(201).extract().asString());
            hook = created.get("id").asText();
            String secret = created.get("secret").asText();

            String reference = "E2E-NOTIFY-" + UUID.randomUUID().toString().substring(0, 8);
            String changeRequest = raiseAsCarol(reference);

            waitFor(() -> as(ALICE).get("/api/v1/me/notifications?limit=50").then().statusCode(200).extract()
                    .<List<String>>path("items.title").stream().anyMatch(t -> t.contains(reference)));
            as(ALICE).get("/api/v1/me/notifications/unread-count").then().statusCode(200);
            waitFor(() -> received.stream().anyMatch(r -> r.body().contains(changeRequest)));

            Received delivery = received.stream().filter(r -> r.body().contains(changeRequest)).findFirst()
                    .orElseThrow();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                            .getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, delivery.signature());
            assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp())) < 300);
            JsonNode body = JSON.readTree(delivery.body());
            assertEquals("change-request.awaiting-decision", body.get("type").asText());
            assertEquals(ACME, body.get("clientId").asText());
            assertEquals(reference, body.get("data").get("contractReference").asText());

            // globex's manager sees nothing of acme's event, and cannot reach acme's webhooks
            assertTrue(as(BOB).get("/api/v1/me/notifications?limit=200").then().statusCode(200).extract()
                    .<List<String>>path("items.title").stream().noneMatch(t -> t.contains(reference)));
            as(BOB).get("/api/v1/clients/" + ACME + "/webhooks").then().statusCode(403)
                    .contentType(startsWith(PROBLEM_JSON));
        } finally {
            receiver.stop(0);
            if (hook != null) {
                as(ALICE).delete("/api/v1/clients/" + ACME + "/webhooks/" + hook);
            }
        }
    }

    private String raiseAsCarol(String reference) throws Exception {
        ObjectNode terms = (ObjectNode) JSON.readTree(Files.readString(DEMO_TERMS.resolve("acme-1.json")));
        Map<String, Object> contract = Map.of("reference", reference, "title", "E2E notifications " + reference,
                "engagementType", "BPO", "deliveryModel", "OUTSOURCED", "deliveryCountry", "TN",
                "deliveryLocation", "NEARSHORE", "startDate", "2026-01-01", "endDate", "2028-12-31", "currency", "EUR",
                "terms", JSON.convertValue(terms, Map.class));
        String path = ACME_CONTRACTS + "/" + as(CAROL).body(contract).post(ACME_CONTRACTS)
                .then().statusCode(201).extract().path("id");
        as(CAROL).header("If-Match", "\"0\"").post(path + "/activate").then().statusCode(200);
        ((ObjectNode) terms.withArray("slas").get(1)).put("target", 4).put("warning", 3.5);
        Map<String, Object> proposal = Map.of("reason", "Lower abandonment target", "effectiveFrom", "2026-10-01",
                "terms", JSON.convertValue(terms, Map.class));
        return as(CAROL).body(proposal).post(path + "/change-requests").then().statusCode(201).extract().path("id");
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(200);
        }
    }
}

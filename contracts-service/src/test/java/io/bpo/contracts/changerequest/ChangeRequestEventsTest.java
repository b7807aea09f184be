package io.bpo.contracts.changerequest;

import static io.bpo.contracts.changerequest.Amendments.activeContract;
import static io.bpo.contracts.changerequest.Amendments.approve;
import static io.bpo.contracts.changerequest.Amendments.clientSide;
import static io.bpo.contracts.changerequest.Amendments.provider;
import static io.bpo.contracts.changerequest.Amendments.raised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.bpo.contracts.Api;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.outbox.Outbox;
import io.bpo.outbox.OutboxRelay;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox of change requests: an event exists only if its change committed, and a committed one reaches the
 * consumer once, even when the consumer was down between the commit and the first delivery attempt. The consumer
 * here is a receiver on a loopback port standing in for notifications-service's intake.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ChangeRequestEventsTest {
    static final String OWN = "cr-events";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    HttpServer receiver;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void receiverOnALoopbackPort() throws Exception {
        Api.onboard(OWN);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/internal/v1/events", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode batch = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            batch.get("events").forEach(received::add);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    URI intake() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/internal/v1/events");
    }

    @Test
    void committedChangeIsDeliveredOnceAfterTheConsumerComesBack() throws Exception {
        String contract = activeContract(OWN);
        String url = raised(provider(OWN), OWN, contract, "2026-06-01", 85);
        String id = url.substring(url.lastIndexOf('/') + 1);

        // the consumer is down between the commit and delivery: nothing is marked delivered
        assertThrows(Exception.class, () -> relay.relayBatch(URI.create("http://127.0.0.1:" + closedPort()
                + "/internal/v1/events")));
        drain();
        drain();

        List<JsonNode> mine = eventsAbout(id);
        assertEquals(1, mine.size(), mine.toString());
        JsonNode event = mine.get(0);
        assertEquals("change-request.awaiting-decision", event.get("type").asText());
        assertEquals(OWN, event.get("tenantId").asText());
        assertEquals(List.of("PROVIDER", "CLIENT"),
                JSON.convertValue(event.get("data").get("awaitingParties"), List.class));
        assertTrue(authorizations.stream().allMatch(h -> h != null && h.startsWith("Bearer ")), authorizations.toString());
    }

    @Test
    void decisionsTellWhoIsAwaitedThenTheOutcome() throws Exception {
        String contract = activeContract(OWN);
        String url = raised(provider(OWN), OWN, contract, "2026-06-01", 86);
        String id = url.substring(url.lastIndexOf('/') + 1);
        approve(provider(OWN), url).then().statusCode(200);
        approve(clientSide(OWN), url).then().statusCode(200);
        drain();

        List<JsonNode> mine = eventsAbout(id);
        assertEquals(List.of("change-request.awaiting-decision", "change-request.awaiting-decision",
                "change-request.decided"), mine.stream().map(e -> e.get("type").asText()).toList());
        assertEquals("[\"CLIENT\"]", mine.get(1).get("data").get("awaitingParties").toString());
        assertEquals("APPLIED", mine.get(2).get("data").get("outcome").asText());
    }

    @Test
    void rolledBackChangeEmitsNothing() throws Exception {
        var request = Arc.container().requestContext();
        request.activate();
        try {
            Arc.container().instance(TenantContext.class).get().bind(OWN);
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.record("change-request.decided", "rolled-back-subject", Map.of("outcome", "APPLIED"));
                throw new IllegalStateException("the change fails after its event was recorded");
            }));
        } finally {
            request.terminate();
        }
        drain();
        assertTrue(received.stream().noneMatch(e -> e.get("subject").asText().equals("rolled-back-subject")));
    }

    private void drain() throws Exception {
        while (relay.relayBatch(intake()) > 0) {
            // until the outbox is empty
        }
    }

    private List<JsonNode> eventsAbout(String changeRequestId) {
        return received.stream().filter(e -> e.get("subject").asText().equals(changeRequestId)).toList();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

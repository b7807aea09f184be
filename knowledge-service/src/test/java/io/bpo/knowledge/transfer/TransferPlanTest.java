package io.bpo.knowledge.transfer;

import static io.bpo.knowledge.Api.PROBLEM;
import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.articleUrl;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.created;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Transfer plans: tasks per phase, readiness from tasks and acknowledgement coverage, two-sided go-live sign-off. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TransferPlanTest {
    static final String OTHER = "kt-other";

    private static String client() {
        return "kt-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String plans(String client) {
        return "/api/v1/clients/" + client + "/knowledge/transfer-plans";
    }

    private static String newPlan(String client) {
        return as(Tokens.token("carol", "account-manager", client))
                .body(Map.of("contractId", "contract-" + client, "title", "Billing transfer"))
                .post(plans(client)).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> task(String phase, String title, String side, String due, List<String> articles) {
        Map<String, Object> body = new HashMap<>();
        body.put("phase", phase);
        body.put("title", title);
        body.put("ownerSide", side);
        body.put("assignee", "dave");
        body.put("dueDate", due);
        body.put("articleIds", articles);
        return body;
    }

    @Test
    void aNewPlanHasEveryPhaseAndIsNotReady() {
        String client = client();
        String plan = newPlan(client);
        as(Tokens.token("victor", "client-viewer", client)).get(plans(client) + "/" + plan).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("contractId", equalTo("contract-" + client))
                .body("phases.phase", contains("DISCOVERY", "DOCUMENTATION", "TRAINING", "SHADOWING",
                        "REVERSE_SHADOWING", "GO_LIVE", "STABILISATION"))
                .body("readyForGoLive", equalTo(false)).body("unmet", hasItem(containsString("no task")));
    }

    @Test
    void goLiveIsRefusedWhileNobodyIsOnTheRosterAndEmptyCoverageIsZero() {
        String client = client();
        String alice = Tokens.token("alice", "client-manager", client);
        String carol = Tokens.token("carol", "account-manager", client);
        String article = created(alice, client, article("Escalations", "PUBLISHED"));
        as(alice).get(articleUrl(client, article) + "/coverage").then().statusCode(200)
                .body("assigned", equalTo(0)).body("coverage", equalTo(0.0f));
        String plan = newPlan(client);
        Map<String, Object> done = task("DOCUMENTATION", "Write the escalation guide", "CLIENT", null, List.of());
        done.put("status", "DONE");
        as(carol).body(done).post(plans(client) + "/" + plan + "/tasks").then().statusCode(201);
        as(carol).get(plans(client) + "/" + plan).then().body("readyForGoLive", equalTo(false))
                .body("unmet", hasItem(containsString("roster")));
        as(alice).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/readiness-unmet")).body("detail", containsString("roster"));
    }

    @Test
    void goLiveIsRefusedWhileTasksAreOpenOrLinkedArticlesNotAcknowledgedThenBothSidesSign() throws Exception {
        String client = client();
        String alice = Tokens.token("alice", "client-manager", client);
        String carol = Tokens.token("carol", "account-manager", client);
        as(carol).put("/api/v1/clients/" + client + "/knowledge/roster/dave").then().statusCode(201);
        String article = created(alice, client, article("Disputes", "PUBLISHED"));
        String plan = newPlan(client);
        var added = as(carol).body(task("TRAINING", "Train on disputes", "PROVIDER", null, List.of(article)))
                .post(plans(client) + "/" + plan + "/tasks").then().statusCode(201)
                .body("status", equalTo("TODO")).body("articleIds", contains(article)).extract();
        String taskId = added.path("id");
        String etag = added.header("ETag");

        as(alice).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/readiness-unmet")).body("detail", containsString("TRAINING: 1 of 1 tasks"));

        Map<String, Object> done = task("TRAINING", "Train on disputes", "PROVIDER", null, List.of(article));
        done.put("status", "DONE");
        as(carol).header("If-Match", etag).body(done).put(plans(client) + "/" + plan + "/tasks/" + taskId)
                .then().statusCode(200).body("status", equalTo("DONE"));
        as(carol).get(plans(client) + "/" + plan).then()
                .body("phases.find { it.phase == 'TRAINING' }.completion", equalTo(1.0f))
                .body("phases.find { it.phase == 'TRAINING' }.articleCoverage", equalTo(0.0f))
                .body("phases.find { it.phase == 'TRAINING' }.ready", equalTo(false));
        as(carol).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(409)
                .body("detail", containsString("not acknowledged"));

        as(Tokens.token("dave", "agent", client)).post(articleUrl(client, article) + "/acknowledgements")
                .then().statusCode(201);
        as(alice).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("clientSignoffBy", equalTo("alice"))
                .body("readyForGoLive", equalTo(true));
        as(alice).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(409)
                .body("type", endsWith("/already-signed"));
        as(carol).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(200)
                .body("status", equalTo("LIVE")).body("providerSignoffBy", equalTo("carol"))
                .body("liveAt", notNullValue());
        as(carol).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(409)
                .body("type", endsWith("/already-live"));

        List<com.fasterxml.jackson.databind.JsonNode> events = relayedAbout(plan);
        org.junit.jupiter.api.Assertions.assertEquals(1, events.size(), events.toString());
        org.junit.jupiter.api.Assertions.assertEquals("transfer-plan.go-live-signed", events.get(0).get("type").asText());
        org.junit.jupiter.api.Assertions.assertEquals("carol", events.get(0).get("data").get("providerSignedBy").asText());
    }

    @jakarta.inject.Inject
    io.bpo.outbox.OutboxRelay relay;

    /** Every event the outbox holds is relayed to a receiver on a loopback port; those about {@code subject}. */
    private List<com.fasterxml.jackson.databind.JsonNode> relayedAbout(String subject) throws Exception {
        var received = new java.util.concurrent.CopyOnWriteArrayList<com.fasterxml.jackson.databind.JsonNode>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", exchange -> {
            mapper.readTree(exchange.getRequestBody()).get("events").forEach(received::add);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            java.net.URI intake = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
            while (relay.relayBatch(intake) > 0) {
                // until the outbox is empty
            }
        } finally {
            server.stop(0);
        }
        return received.stream().filter(e -> e.get("subject").asText().equals(subject)).toList();
    }

    @Test
    void overdueTasksAreListed() {
        String client = client();
        String carol = Tokens.token("carol", "account-manager", client);
        String plan = newPlan(client);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        as(carol).body(task("DOCUMENTATION", "late", "CLIENT", today.minusDays(2).toString(), List.of()))
                .post(plans(client) + "/" + plan + "/tasks").then().statusCode(201).body("overdue", equalTo(true));
        as(carol).body(task("DOCUMENTATION", "later", "CLIENT", today.plusDays(2).toString(), List.of()))
                .post(plans(client) + "/" + plan + "/tasks").then().statusCode(201).body("overdue", equalTo(false));
        Map<String, Object> doneLate = task("DISCOVERY", "done late", "PROVIDER", today.minusDays(9).toString(), List.of());
        doneLate.put("status", "DONE");
        as(carol).body(doneLate).post(plans(client) + "/" + plan + "/tasks").then().statusCode(201);
        as(Tokens.token("dave", "agent", client)).get(plans(client) + "/" + plan + "/overdue-tasks").then()
                .statusCode(200).body("title", contains("late"));
    }

    @Test
    void tasksAreValidatedAndLinkOnlyTheClientsOwnArticles() {
        String client = client();
        String carol = Tokens.token("carol", "account-manager", client);
        String plan = newPlan(client);
        as(carol).body(Map.of("title", "x")).post(plans(client) + "/" + plan + "/tasks").then().statusCode(400)
                .body("errors.field", hasItem("phase")).body("errors.field", hasItem("ownerSide"));
        Map<String, Object> badPhase = task("GOLIVE", "x", "CLIENT", null, List.of());
        as(carol).body(badPhase).post(plans(client) + "/" + plan + "/tasks").then().statusCode(400);
        String foreign = created(Tokens.token("bob", "client-manager", OTHER), OTHER, article("foreign", "PUBLISHED"));
        as(carol).body(task("TRAINING", "x", "CLIENT", null, List.of(foreign)))
                .post(plans(client) + "/" + plan + "/tasks").then().statusCode(400)
                .body("errors.field", contains("articleIds[0]"));
        as(carol).body(Map.of("title", "no contract")).post(plans(client)).then().statusCode(400)
                .body("errors.field", contains("contractId"));
        String taskId = as(carol).body(task("TRAINING", "x", "CLIENT", null, List.of()))
                .post(plans(client) + "/" + plan + "/tasks").then().statusCode(201).extract().path("id");
        as(carol).body(task("TRAINING", "y", "CLIENT", null, List.of()))
                .put(plans(client) + "/" + plan + "/tasks/" + taskId).then().statusCode(428);
        as(carol).header("If-Match", "\"7\"").body(task("TRAINING", "y", "CLIENT", null, List.of()))
                .put(plans(client) + "/" + plan + "/tasks/" + taskId).then().statusCode(412);
    }

    @Test
    void rolesAndTenantsAreChecked() {
        String client = client();
        String plan = newPlan(client);
        String dave = Tokens.token("dave", "agent", client);
        as(dave).body(Map.of("contractId", "c", "title", "t")).post(plans(client)).then().statusCode(403);
        as(dave).post(plans(client) + "/" + plan + "/sign-off").then().statusCode(403);
        as(Tokens.token("victor", "client-viewer", client)).post(plans(client) + "/" + plan + "/sign-off")
                .then().statusCode(403);
        as(dave).get(plans(client)).then().statusCode(200).body("", hasSize(1));
        String otherPlan = newPlan(OTHER);
        as(Tokens.token("carol", "account-manager", client)).get(plans(client) + "/" + otherPlan).then().statusCode(404);
        as(Tokens.token("carol", "account-manager", client)).post(plans(client) + "/" + otherPlan + "/sign-off")
                .then().statusCode(404);
        as(Tokens.token("carol", "account-manager", client)).get(plans(OTHER) + "/" + otherPlan).then().statusCode(403);
    }
}

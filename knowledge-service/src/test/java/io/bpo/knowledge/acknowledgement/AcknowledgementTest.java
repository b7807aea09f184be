package io.bpo.knowledge.acknowledgement;

import static io.bpo.knowledge.Api.PROBLEM;
import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.articleUrl;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.created;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Acknowledgements per published version, the roster, coverage and its reset by a re-acknowledgement version. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AcknowledgementTest {
    static final String OTHER = "kk-other";

    private static String knowledge(String client) {
        return "/api/v1/clients/" + client + "/knowledge";
    }

    /** Each test its own client, so rosters and coverage do not mix. */
    private static String client() {
        return "kk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void roster(String client, String... agents) {
        for (String agent : agents) {
            as(Tokens.token("carol", "account-manager", client)).put(knowledge(client) + "/roster/" + agent)
                    .then().statusCode(201);
        }
    }

    private static String publishedArticle(String client, String title) {
        return created(Tokens.token("alice", "client-manager", client), client, article(title, "PUBLISHED"));
    }

    private static void ack(String client, String agent, String id, int status) {
        as(Tokens.token(agent, "agent", client)).post(articleUrl(client, id) + "/acknowledgements")
                .then().statusCode(status);
    }

    @Test
    void anAgentAcknowledgesTheCurrentVersionOnce() {
        String client = client();
        String id = publishedArticle(client, "Greeting");
        as(Tokens.token("dave", "agent", client)).post(articleUrl(client, id) + "/acknowledgements")
                .then().statusCode(201).body("version", equalTo(1)).body("agentName", equalTo("dave"))
                .body("articleId", equalTo(id));
        ack(client, "dave", id, 200);
    }

    @Test
    void coverageCountsRosterAgentsWhoAcknowledged() {
        String client = client();
        roster(client, "dave", "eve", "finn");
        String id = publishedArticle(client, "Refunds");
        ack(client, "dave", id, 201);
        ack(client, "eve", id, 201);
        ack(client, "zoe", id, 201); // not on the roster: not counted
        String viewer = Tokens.token("victor", "client-viewer", client);
        as(viewer).get(articleUrl(client, id) + "/coverage").then().statusCode(200)
                .body("assigned", equalTo(3)).body("acknowledged", contains("dave", "eve"))
                .body("missing", contains("finn")).body("coverage", equalTo(0.667f))
                .body("currentVersion", equalTo(1)).body("baselineVersion", equalTo(1));
        as(viewer).get(knowledge(client) + "/coverage").then().statusCode(200)
                .body("assigned", equalTo(3)).body("articles[0].acknowledged", equalTo(2))
                .body("coverage", equalTo(0.667f)).body("fullyCovered", equalTo(0));
    }

    @Test
    void aVersionRequiringReacknowledgementResetsCoverageAndOneWithoutKeepsIt() {
        String client = client();
        roster(client, "dave");
        String alice = Tokens.token("alice", "client-manager", client);
        String carol = Tokens.token("carol", "account-manager", client);
        String id = publishedArticle(client, "Escalation");
        ack(client, "dave", id, 201);
        as(alice).get(articleUrl(client, id) + "/coverage").then().body("coverage", equalTo(1.0f));

        // version 2 without the flag: dave's acknowledgement of version 1 still counts
        revise(client, id, alice, carol, false);
        as(alice).get(articleUrl(client, id) + "/coverage").then()
                .body("currentVersion", equalTo(2)).body("baselineVersion", equalTo(1)).body("coverage", equalTo(1.0f));

        // version 3 requires re-acknowledgement: coverage drops until dave acknowledges again
        revise(client, id, alice, carol, true);
        as(alice).get(articleUrl(client, id) + "/coverage").then()
                .body("currentVersion", equalTo(3)).body("baselineVersion", equalTo(3))
                .body("coverage", equalTo(0.0f)).body("missing", contains("dave"));
        as(Tokens.token("dave", "agent", client)).get(knowledge(client) + "/acknowledgements/pending")
                .then().statusCode(200).body("articleId", contains(id));
        ack(client, "dave", id, 201);
        as(alice).get(articleUrl(client, id) + "/coverage").then().body("coverage", equalTo(1.0f));
        as(Tokens.token("dave", "agent", client)).get(knowledge(client) + "/acknowledgements/pending")
                .then().statusCode(200).body("", empty());
    }

    private static void revise(String client, String id, String author, String reviewer, boolean reack) {
        String revision = as(author).post(articleUrl(client, id) + "/revisions").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> body = article("Escalation, revised " + reack);
        body.put("requiresReacknowledgement", reack);
        String etag = as(author).get(articleUrl(client, revision)).then().statusCode(200).extract().header("ETag");
        as(author).header("If-Match", etag).body(body).put(articleUrl(client, revision)).then().statusCode(200);
        as(author).post(articleUrl(client, revision) + "/submit").then().statusCode(200);
        as(reviewer).post(articleUrl(client, revision) + "/publish").then().statusCode(200);
    }

    @Test
    void onlyPublishedArticlesAreAcknowledgedAndOnlyByAgents() {
        String client = client();
        String alice = Tokens.token("alice", "client-manager", client);
        String draft = created(alice, client, article("draft"));
        ack(client, "dave", draft, 404);
        String id = publishedArticle(client, "published");
        as(alice).post(articleUrl(client, id) + "/acknowledgements").then().statusCode(403);
        as(alice).post(articleUrl(client, draft) + "/coverage").then().statusCode(405);
        as(alice).get(articleUrl(client, draft) + "/coverage").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/not-published"));
    }

    @Test
    void theRosterIsKeptByAccountManagers() {
        String client = client();
        String carol = Tokens.token("carol", "account-manager", client);
        as(carol).put(knowledge(client) + "/roster/dave").then().statusCode(201)
                .body("userName", equalTo("dave")).body("addedBy", equalTo("carol"));
        as(carol).put(knowledge(client) + "/roster/dave").then().statusCode(200);
        as(carol).put(knowledge(client) + "/roster/not%20a%20name").then().statusCode(400)
                .body("errors.field", contains("userName"));
        as(Tokens.token("alice", "client-manager", client)).put(knowledge(client) + "/roster/eve")
                .then().statusCode(403);
        as(Tokens.token("dave", "agent", client)).get(knowledge(client) + "/roster").then().statusCode(403);
        as(Tokens.token("victor", "client-viewer", client)).get(knowledge(client) + "/roster").then()
                .statusCode(200).body("userName", contains("dave"));
        as(carol).delete(knowledge(client) + "/roster/dave").then().statusCode(204);
        as(carol).delete(knowledge(client) + "/roster/dave").then().statusCode(404);
    }

    @Test
    void anotherClientsArticleCannotBeAcknowledgedNorItsCoverageRead() {
        String client = client();
        String foreign = created(Tokens.token("bob", "client-manager", OTHER), OTHER, article("foreign", "PUBLISHED"));
        ack(client, "dave", foreign, 404);
        as(Tokens.token("carol", "account-manager", client)).get(articleUrl(client, foreign) + "/coverage")
                .then().statusCode(404);
        as(Tokens.token("dave", "agent", client)).post(articleUrl(OTHER, foreign) + "/acknowledgements")
                .then().statusCode(403).body("type", endsWith("/tenant-forbidden"));
        as(Tokens.token("carol", "account-manager", client)).get(knowledge(OTHER) + "/coverage").then().statusCode(403);
        as(Tokens.token("carol", "account-manager", OTHER)).get(knowledge(OTHER) + "/roster").then().statusCode(200)
                .body("userName", not(hasItem("dave")));
    }
}

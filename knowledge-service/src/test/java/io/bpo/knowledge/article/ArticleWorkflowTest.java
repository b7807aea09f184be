package io.bpo.knowledge.article;

import static io.bpo.knowledge.Api.PROBLEM;
import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.articleUrl;
import static io.bpo.knowledge.Api.articles;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.created;
import static io.bpo.knowledge.Api.publish;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The article workflow: review by someone else, frozen versions, revisions, restriction and freshness. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticleWorkflowTest {
    static final String OWN = "kw-own";
    static final String OTHER = "kw-other";
    static final String ALICE = Tokens.token("alice", "client-manager", OWN);
    static final String CAROL = Tokens.token("carol", "account-manager", OWN);
    static final String RITA = Tokens.token("rita", "client-manager", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);
    static final String DAVE = Tokens.token("dave", "agent", OWN);
    static final String EVE = Tokens.token("eve", "agent", OWN);
    static final String BOB = Tokens.token("bob", "client-manager", OTHER);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    private static String title() {
        return "Workflow " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String draft(String token) {
        return created(token, OWN, article(title()));
    }

    private static String etag(String token, String id) {
        return as(token).get(url(id)).then().statusCode(200).extract().header("ETag");
    }

    private static String url(String id) {
        return articleUrl(OWN, id);
    }

    @Test
    void draftGoesToReviewThenIsPublishedByAnotherReviewer() {
        String id = draft(ALICE);
        as(ALICE).post(url(id) + "/submit").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("submittedBy", equalTo("alice"));
        as(CAROL).post(url(id) + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedVersion", equalTo(1))
                .body("publishedAt", notNullValue()).header("ETag", notNullValue());
        as(DAVE).get(url(id)).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void theAuthorCannotPublishTheirOwnArticle() {
        String id = draft(ALICE);
        as(ALICE).post(url(id) + "/submit").then().statusCode(200);
        as(ALICE).post(url(id) + "/publish").then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("/self-review"));
        as(ALICE).get(url(id)).then().body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void namedReviewersAloneMayPublish() {
        Map<String, Object> body = article(title());
        body.put("reviewers", List.of("rita"));
        String id = created(ALICE, OWN, body);
        as(ALICE).post(url(id) + "/submit").then().statusCode(200);
        as(CAROL).post(url(id) + "/publish").then().statusCode(403).body("type", endsWith("/not-a-reviewer"));
        as(RITA).post(url(id) + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void illegalTransitionsAreConflicts() {
        String id = draft(ALICE);
        as(CAROL).post(url(id) + "/publish").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/illegal-transition")).body("detail", containsString("DRAFT"));
        as(ALICE).post(url(id) + "/archive").then().statusCode(409);
        as(ALICE).post(url(id) + "/revisions").then().statusCode(409);
        as(ALICE).post(url(id) + "/submit").then().statusCode(200);
        as(ALICE).post(url(id) + "/submit").then().statusCode(409);
        as(CAROL).post(url(id) + "/publish").then().statusCode(200);
        as(ALICE).post(url(id) + "/submit").then().statusCode(409);
        as(ALICE).post(url(id) + "/publish").then().statusCode(409);
        as(ALICE).header("If-Match", etag(ALICE, id)).body(article("x")).put(url(id)).then().statusCode(409)
                .body("detail", containsString("revision"));
        as(ALICE).post(url(id) + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        as(ALICE).post(url(id) + "/archive").then().statusCode(409);
        as(DAVE).get(url(id)).then().statusCode(404);
    }

    @Test
    void reviewerSendsBackWithACommentAndTheAuthorEditsTheDraft() {
        String id = draft(ALICE);
        as(ALICE).post(url(id) + "/submit").then().statusCode(200);
        as(CAROL).body(Map.of()).post(url(id) + "/send-back").then().statusCode(400)
                .body("errors.field", contains("comment"));
        as(CAROL).body(Map.of("comment", "Add the refund threshold")).post(url(id) + "/send-back")
                .then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("reviewComment", equalTo("Add the refund threshold"));
        String etag = as(ALICE).get(url(id)).then().extract().header("ETag");
        Map<String, Object> edited = article("Edited title");
        as(ALICE).body(edited).put(url(id)).then().statusCode(428);
        as(ALICE).header("If-Match", "\"999\"").body(edited).put(url(id)).then().statusCode(412);
        as(ALICE).header("If-Match", etag).body(edited).put(url(id)).then().statusCode(200)
                .body("title", equalTo("Edited title")).body("reviewComment", nullValue());
        as(VIEWER).header("If-Match", "*").body(edited).put(url(id)).then().statusCode(403);
    }

    @Test
    void aRevisionLeavesThePublishedVersionServingUntilItIsPublished() {
        Map<String, Object> body = article("Refunds v1");
        body.put("body", "## Steps\n1. Check the invoice.\n2. Refund up to 50 EUR.");
        String id = created(ALICE, OWN, body);
        publish(ALICE, CAROL, OWN, id);
        String revision = as(CAROL).post(url(id) + "/revisions").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("revisionOf", equalTo(id))
                .body("title", equalTo("Refunds v1")).extract().path("id");
        as(ALICE).post(url(id) + "/revisions").then().statusCode(409).body("type", endsWith("/revision-pending"));
        Map<String, Object> v2 = article("Refunds v2");
        v2.put("body", "## Steps\n1. Check the invoice.\n2. Refund up to 80 EUR.\n3. Log the refund.");
        v2.put("requiresReacknowledgement", true);
        as(CAROL).header("If-Match", etag(CAROL, revision)).body(v2).put(url(revision)).then().statusCode(200);
        as(CAROL).post(url(revision) + "/submit").then().statusCode(200);
        // meanwhile agents still read version 1 and do not see the revision
        as(DAVE).get(url(id)).then().statusCode(200).body("title", equalTo("Refunds v1"));
        as(DAVE).get(url(revision)).then().statusCode(404);
        as(CAROL).post(url(revision) + "/publish").then().statusCode(403);
        as(ALICE).post(url(revision) + "/publish").then().statusCode(200)
                .body("id", equalTo(id)).body("title", equalTo("Refunds v2")).body("publishedVersion", equalTo(2));
        as(ALICE).get(url(revision)).then().statusCode(404);
        as(DAVE).get(url(id)).then().statusCode(200).body("title", equalTo("Refunds v2"));
        as(DAVE).get(url(id) + "/versions").then().statusCode(200)
                .body("number", contains(1, 2)).body("title", contains("Refunds v1", "Refunds v2"))
                .body("requiresReacknowledgement", contains(true, true))
                .body("reviewedBy", contains("carol", "alice")).body("authorName", contains("alice", "carol"));
        as(VIEWER).get(url(id) + "/versions/1").then().statusCode(200)
                .body("body", containsString("50 EUR")).body("title", equalTo("Refunds v1"));
        as(VIEWER).get(url(id) + "/diff?from=1&to=2").then().statusCode(200)
                .body("fields.field", contains("title")).body("fields[0].from", equalTo("Refunds v1"))
                .body("body", containsString("-2. Refund up to 50 EUR."))
                .body("body", containsString("+2. Refund up to 80 EUR."))
                .body("body", containsString("+3. Log the refund."));
    }

    @Test
    void aRevisionWithoutReacknowledgementSaysSoInItsVersion() {
        String id = created(ALICE, OWN, article(title(), "PUBLISHED"));
        String revision = as(ALICE).post(url(id) + "/revisions").then().statusCode(201).extract().path("id");
        as(ALICE).post(url(revision) + "/submit").then().statusCode(200);
        as(CAROL).post(url(revision) + "/publish").then().statusCode(200);
        as(DAVE).get(url(id) + "/versions").then().body("requiresReacknowledgement", contains(true, false));
    }

    @Test
    void aDraftRevisionCanBeDiscardedButNotAnArticle() {
        String id = created(ALICE, OWN, article(title(), "PUBLISHED"));
        String revision = as(ALICE).post(url(id) + "/revisions").then().statusCode(201).extract().path("id");
        as(ALICE).delete(url(id)).then().statusCode(409);
        as(ALICE).delete(url(revision)).then().statusCode(204);
        as(ALICE).get(url(revision)).then().statusCode(404);
        as(ALICE).post(url(id) + "/revisions").then().statusCode(201);
    }

    @Test
    void versionsAndDiffValidateTheirParameters() {
        String id = created(ALICE, OWN, article(title(), "PUBLISHED"));
        as(VIEWER).get(url(id) + "/versions/2").then().statusCode(404).contentType(PROBLEM);
        as(VIEWER).get(url(id) + "/diff?from=1").then().statusCode(400).body("errors.field", contains("to"));
        as(VIEWER).get(url(id) + "/diff?from=zero&to=1").then().statusCode(400).body("errors.field", contains("from"));
        as(VIEWER).get(url(id) + "/diff?from=1&to=1").then().statusCode(200).body("body", equalTo(""));
    }

    @Test
    void publishedVersionsAreImmutableInTheDatabase() throws SQLException {
        String id = created(ALICE, OWN, article(title(), "PUBLISHED"));
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                assertTrue(io.bpo.kit.testing.Database.count(st,
                        "select count(*) from article_versions where article_id = '" + id + "'") == 1);
                assertThrows(SQLException.class, () -> st.executeUpdate(
                        "update article_versions set body = 'rewritten' where article_id = '" + id + "'"));
            }
            app.rollback();
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                assertThrows(SQLException.class, () -> st.executeUpdate(
                        "delete from article_versions where article_id = '" + id + "'"));
            }
            app.rollback();
        }
        as(VIEWER).get(url(id) + "/versions/1").then().statusCode(200).body("body", not(equalTo("rewritten")));
    }

    @Test
    void restrictedArticlesAreReadOnlyByTheRolesAndUsersTheyName() {
        Map<String, Object> body = article(title());
        body.put("classification", "RESTRICTED");
        body.put("allowedUsers", List.of("dave"));
        String id = created(ALICE, OWN, body);
        as(RITA).get(url(id)).then().statusCode(404);
        body.put("reviewers", List.of("carol"));
        as(ALICE).header("If-Match", etag(ALICE, id)).body(body).put(url(id)).then().statusCode(200);
        publish(ALICE, CAROL, OWN, id);
        as(DAVE).get(url(id)).then().statusCode(200);
        as(EVE).get(url(id)).then().statusCode(404);
        as(VIEWER).get(url(id)).then().statusCode(404);
        as(EVE).get(articles(OWN) + "?limit=200").then().body("items.id", not(hasItem(id)));
        as(EVE).get(url(id) + "/versions").then().statusCode(404);
        as(DAVE).get(articles(OWN) + "?limit=200").then().body("items.id", hasItem(id));

        Map<String, Object> byRole = article(title());
        byRole.put("classification", "RESTRICTED");
        byRole.put("allowedRoles", List.of("agent"));
        String roleId = created(ALICE, OWN, byRole);
        as(VIEWER).get(url(roleId)).then().statusCode(404);
        as(ALICE).get(url(roleId)).then().statusCode(200);
    }

    @Test
    void overdueArticlesAreFlaggedAndListedPerOwner() {
        String client = "kw-fresh";
        String alice = Tokens.token("alice", "client-manager", client);
        String carol = Tokens.token("carol", "account-manager", client);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> stale = article("stale");
        stale.put("reviewBy", today.minusDays(3).toString());
        stale.put("owner", "olga");
        String staleId = created(alice, client, stale);
        Map<String, Object> older = article("older");
        older.put("reviewBy", today.minusDays(30).toString());
        older.put("owner", "olga");
        String olderId = created(alice, client, older);
        Map<String, Object> fresh = article("fresh");
        fresh.put("reviewBy", today.plusDays(30).toString());
        created(alice, client, fresh);
        Map<String, Object> draftPast = article("draft-past");
        draftPast.put("reviewBy", today.minusDays(3).toString());
        String draftId = created(alice, client, draftPast);
        Map<String, Object> mine = article("mine");
        mine.put("reviewBy", today.minusDays(1).toString());
        created(alice, client, mine);
        for (String id : List.of(staleId, olderId)) {
            publish(alice, carol, client, id);
        }
        String mineId = as(alice).get(articles(client) + "?limit=200").then().extract()
                .path("items.find { it.title == 'mine' }.id");
        publish(alice, carol, client, mineId);
        as(alice).get(articleUrl(client, staleId)).then().body("overdue", equalTo(true)).body("owner", equalTo("olga"));
        as(alice).get(articleUrl(client, draftId)).then().body("overdue", equalTo(false));
        as(carol).get(articles(client) + "/overdue").then().statusCode(200)
                .body("owner", contains("alice", "olga"))
                .body("[0].articles.title", contains("mine"))
                .body("[1].articles.title", contains("older", "stale"));
        as(carol).get(articles(client) + "/overdue?owner=olga").then().statusCode(200).body("owner", contains("olga"));
        as(carol).get(articles(client) + "/overdue?owner=no%20one").then().statusCode(400)
                .body("errors.field", contains("owner"));
        as(Tokens.token("dave", "agent", client)).get(articles(client) + "/overdue").then().statusCode(403);
    }

    @Test
    void workflowActionsNeedAManagerRole() {
        String id = draft(ALICE);
        for (String token : new String[] {VIEWER, DAVE}) {
            as(token).post(url(id) + "/submit").then().statusCode(403);
        }
        as(ALICE).post(url(id) + "/submit").then().statusCode(200);
        as(DAVE).post(url(id) + "/publish").then().statusCode(403);
        as(VIEWER).post(url(id) + "/publish").then().statusCode(403);
    }

    @Test
    void anotherClientsArticleCannotBeMovedThroughTheWorkflow() {
        String foreign = created(BOB, OTHER, article(title()));
        as(BOB).post(articleUrl(OTHER, foreign) + "/submit").then().statusCode(200);
        as(CAROL).post(url(foreign) + "/publish").then().statusCode(404);
        as(CAROL).post(url(foreign) + "/send-back").then().statusCode(400);
        as(CAROL).get(url(foreign) + "/versions").then().statusCode(404);
        as(CAROL).post(articleUrl(OTHER, foreign) + "/publish").then().statusCode(403)
                .body("type", endsWith("/tenant-forbidden"));
        as(BOB).get(articleUrl(OTHER, foreign)).then().body("status", equalTo("IN_REVIEW"));
    }
}

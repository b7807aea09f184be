package io.bpo.knowledge.article;

import static io.bpo.knowledge.Api.PROBLEM;
import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.articles;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.create;
import static io.bpo.knowledge.Api.created;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.knowledge.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticleResourceTest {
    static final String OWN = "ka-own";
    static final String OTHER = "ka-other";
    static final String MANAGER = Tokens.token("alice", "client-manager", OWN);
    static final String ACCOUNT_MANAGER = Tokens.token("carol", "account-manager", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);
    static final String AGENT = Tokens.token("dave", "agent", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "client-manager", OTHER);
    static final String ALICE_SUBJECT = UUID.nameUUIDFromBytes("alice".getBytes()).toString();

    private static String title() {
        return "Article " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createReturnsTheDraftWithLocationAndETag() {
        String title = title();
        create(MANAGER, OWN, article(title))
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString(articles(OWN) + "/"))
                .header("Idempotent-Replayed", "false")
                .body("title", equalTo(title)).body("clientId", equalTo(OWN))
                .body("type", equalTo("PROCEDURE")).body("classification", equalTo("INTERNAL"))
                .body("language", equalTo("en")).body("tags", contains("billing", "escalation"))
                .body("body", containsString("**account**"))
                .body("status", equalTo("DRAFT")).body("publishedAt", nullValue())
                .body("authorSubject", equalTo(ALICE_SUBJECT)).body("authorName", equalTo("alice"))
                .body("version", equalTo(0)).body("createdAt", notNullValue()).body("updatedAt", notNullValue());
    }

    @Test
    void locationPointsAtTheCreatedArticle() {
        var response = create(MANAGER, OWN, article(title())).then().statusCode(201).extract();
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith(articles(OWN) + "/" + id), response.header("Location"));
    }

    @Test
    void anArticleCannotBeCreatedPublished() {
        create(ACCOUNT_MANAGER, OWN, article(title(), "PUBLISHED"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("status")).body("errors[0].reason", containsString("review"));
    }

    @Test
    void createdArticleCanBeReadBackWithItsETag() {
        Map<String, Object> body = article(title());
        String id = created(MANAGER, OWN, body);
        as(VIEWER).get(articles(OWN) + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id)).body("title", equalTo(body.get("title")))
                .body("body", equalTo(body.get("body"))).body("tags", contains("billing", "escalation"))
                .body("authorSubject", equalTo(ALICE_SUBJECT));
    }

    @Test
    void frenchArticleRoundTripsUnchanged() {
        String title = "Procédure d'escalade — réclamation « facturation » (côte d'Ivoire, Sénégal)";
        String text = "## Étapes\n\n1. Saluer le client : « Bonjour, ça va ? »\n2. Vérifier l'échéance où ç'a été"
                + " déjà réglé — œuvre, Ægir, naïve, Noël, 10 € ✓\n\n> Ne jamais divulguer le détail. 🙂";
        Map<String, Object> body = article(title);
        body.put("body", text);
        body.put("language", "fr");
        body.put("tags", List.of("facturation", "reclamation"));
        String id = create(MANAGER, OWN, body).then().statusCode(201)
                .body("title", equalTo(title)).body("body", equalTo(text)).extract().path("id");
        as(MANAGER).get(articles(OWN) + "/" + id)
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("title", equalTo(title)).body("body", equalTo(text)).body("language", equalTo("fr"));
        as(MANAGER).queryParam("language", "fr").get(articles(OWN) + "?limit=200")
                .then().statusCode(200).body("items.find { it.id == '" + id + "' }.title", equalTo(title));
    }

    @Test
    void languageIsStoredInCanonicalFormAndRepeatedTagsOnce() {
        Map<String, Object> body = article(title());
        body.put("language", "en-gb");
        body.put("tags", List.of("billing", "vip", "billing"));
        create(MANAGER, OWN, body).then().statusCode(201)
                .body("language", equalTo("en-GB")).body("tags", contains("billing", "vip"));
    }

    @Test
    void anArticleMayHaveNoTags() {
        Map<String, Object> body = article(title());
        body.remove("tags");
        create(MANAGER, OWN, body).then().statusCode(201).body("tags", empty());
    }

    @Test
    void validationErrorsNameEachField() {
        Map<String, Object> bad = article(title());
        bad.put("language", "français");
        bad.put("tags", List.of("ok", "Not A Tag"));
        bad.remove("title");
        bad.put("classification", null);
        create(MANAGER, OWN, bad).then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation"))
                .body("errors.field", contains("classification", "language", "tags[1]", "title"))
                .body("requestId", notNullValue());
    }

    @Test
    void blankTitleAndOverlongTitleAreRefused() {
        Map<String, Object> blank = article("   ");
        create(MANAGER, OWN, blank).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("title"));
        create(MANAGER, OWN, article("t".repeat(201))).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("title"));
        create(MANAGER, OWN, article("t".repeat(200))).then().statusCode(201);
    }

    @Test
    void moreThanTwentyTagsAreRefused() {
        Map<String, Object> body = article(title());
        body.put("tags", IntStream.rangeClosed(1, 21).mapToObj(i -> "tag-" + i).toList());
        create(MANAGER, OWN, body).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("tags")).body("errors[0].reason", containsString("20"));
        body.put("tags", IntStream.rangeClosed(1, 20).mapToObj(i -> "tag-" + i).toList());
        create(MANAGER, OWN, body).then().statusCode(201).body("tags", hasSize(20));
    }

    @Test
    void tagsMustBeLowercaseSlugsOfAtMostFiftyCharacters() {
        for (String bad : new String[] {"-leading-dash", "UPPER", "with space", "a".repeat(51), "", "é"}) {
            Map<String, Object> body = article(title());
            body.put("tags", List.of(bad));
            create(MANAGER, OWN, body).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", contains("tags[0]"));
        }
        Map<String, Object> body = article(title());
        List<String> nullTag = new ArrayList<>();
        nullTag.add(null);
        body.put("tags", nullTag);
        create(MANAGER, OWN, body).then().statusCode(400).body("errors.field", contains("tags[0]"));
        body.put("tags", List.of("a", "a".repeat(50), "0-9"));
        create(MANAGER, OWN, body).then().statusCode(201);
    }

    @Test
    void bodyOverTwoHundredThousandCharactersIsRefused() {
        Map<String, Object> body = article(title());
        body.put("body", "x".repeat(200_001));
        create(MANAGER, OWN, body).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("body"));
        body.put("body", "é".repeat(200_000));
        create(MANAGER, OWN, body).then().statusCode(201);
    }

    @Test
    void onlyDraftMayBeChosenAtCreation() {
        for (String status : new String[] {"IN_REVIEW", "PUBLISHED", "ARCHIVED"}) {
            create(MANAGER, OWN, article(title(), status)).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", contains("status"))
                    .body("errors[0].reason", containsString("must be DRAFT when creating"));
        }
        create(MANAGER, OWN, article(title(), "DRAFT")).then().statusCode(201).body("status", equalTo("DRAFT"));
    }

    @Test
    void unknownEnumValuesAreA400NamingTheField() {
        Map<String, Object> bad = article(title());
        bad.put("type", "MEMO");
        create(MANAGER, OWN, bad).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].reason", containsString("WIKI_PAGE"));
        Map<String, Object> secret = article(title());
        secret.put("classification", "TOP_SECRET");
        create(MANAGER, OWN, secret).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("classification"))
                .body("errors[0].reason", containsString("RESTRICTED"));
        create(MANAGER, OWN, article(title(), "LIVE")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void wrongTypesAreA400NamingTheField() {
        Map<String, Object> tagsAsText = article(title());
        tagsAsText.put("tags", "billing");
        create(MANAGER, OWN, tagsAsText).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("tags"));
        Map<String, Object> typeAsNumber = article(title());
        typeAsNumber.put("type", 3);
        create(MANAGER, OWN, typeAsNumber).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("type"));
        Map<String, Object> titleAsNumber = article(title());
        titleAsNumber.put("title", 42);
        create(MANAGER, OWN, titleAsNumber).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"));
        Map<String, Object> bodyAsObject = article(title());
        bodyAsObject.put("body", Map.of("markdown", "x"));
        create(MANAGER, OWN, bodyAsObject).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void malformedJsonAndUnknownPropertiesAreA400() {
        as(MANAGER).body("{\"title\": ").post(articles(OWN)).then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/malformed-body"));
        as(MANAGER).body("[1,2]").post(articles(OWN)).then().statusCode(400).contentType(PROBLEM);
        as(MANAGER).body("").post(articles(OWN)).then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> unknown = article(title());
        unknown.put("authorName", "mallory");
        create(MANAGER, OWN, unknown).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("authorName"))
                .body("errors[0].reason", equalTo("is not a known property"));
    }

    @Test
    void invalidUuidIsANotFound() {
        as(VIEWER).get(articles(OWN) + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void missingArticleIsANotFound() {
        as(VIEWER).header("X-Request-Id", "kn-req-1").get(articles(OWN) + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"))
                .header("X-Request-Id", "kn-req-1").body("requestId", equalTo("kn-req-1"));
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().get(articles(OWN)).then().statusCode(401).contentType(PROBLEM);
        given().get(articles(OWN) + "/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
        given().contentType("application/json").body(article(title())).post(articles(OWN))
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void expiredAndForeignAudienceTokensAreUnauthorized() {
        as(Tokens.expired("alice", "client-manager", OWN)).get(articles(OWN)).then().statusCode(401);
        as(Tokens.forAudience("another-api", "alice", "client-manager", OWN)).get(articles(OWN))
                .then().statusCode(401);
    }

    @Test
    void viewerAndAgentMayNotCreate() {
        create(VIEWER, OWN, article(title())).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("/role-forbidden"));
        create(AGENT, OWN, article(title(), "PUBLISHED")).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void everyReaderRoleMayReadAPublishedArticle() {
        String id = created(MANAGER, OWN, article(title(), "PUBLISHED"));
        for (String token : new String[] {MANAGER, ACCOUNT_MANAGER, VIEWER, AGENT}) {
            as(token).get(articles(OWN)).then().statusCode(200);
            as(token).get(articles(OWN) + "/" + id).then().statusCode(200).body("id", equalTo(id));
        }
    }

    @Test
    void auditorAndProviderAdminMayNotRead() {
        String id = created(MANAGER, OWN, article(title(), "PUBLISHED"));
        for (String token : new String[] {Tokens.token("erin", "auditor", OWN), Tokens.token("frank", "provider-admin")}) {
            as(token).get(articles(OWN)).then().statusCode(403).contentType(PROBLEM);
            as(token).get(articles(OWN) + "/" + id).then().statusCode(403).contentType(PROBLEM);
            create(token, OWN, article(title())).then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void agentDoesNotSeeADraftById() {
        String draft = created(MANAGER, OWN, article(title()));
        as(AGENT).get(articles(OWN) + "/" + draft).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
        as(VIEWER).get(articles(OWN) + "/" + draft).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void anotherClientsPathIsForbidden() {
        String foreign = created(OTHER_MANAGER, OTHER, article(title(), "PUBLISHED"));
        create(MANAGER, OTHER, article(title())).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("/tenant-forbidden"));
        as(MANAGER).get(articles(OTHER)).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("/tenant-forbidden"));
        as(MANAGER).get(articles(OTHER) + "/" + foreign).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anotherClientsArticleIdUnderOwnPathIsNotFound() {
        String foreign = created(OTHER_MANAGER, OTHER, article(title(), "PUBLISHED"));
        as(MANAGER).get(articles(OWN) + "/" + foreign).then().statusCode(404).contentType(PROBLEM);
        as(AGENT).get(articles(OWN) + "/" + foreign).then().statusCode(404).contentType(PROBLEM);
        as(MANAGER).get(articles(OWN) + "?limit=200").then().statusCode(200).body("items.id", not(hasItem(foreign)));
        as(OTHER_MANAGER).get(articles(OTHER) + "/" + foreign).then().statusCode(200);
    }

    @Test
    void idempotentCreateReplaysTheFirstResponse() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = article(title());
        String first = as(MANAGER).header("Idempotency-Key", key).body(body).post(articles(OWN))
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        as(MANAGER).header("Idempotency-Key", key).body(body).post(articles(OWN))
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", equalTo("\"0\""))
                .header("Location", endsWith(articles(OWN) + "/" + first))
                .body("id", equalTo(first)).body("title", equalTo(body.get("title")));
        as(MANAGER).get(articles(OWN) + "?limit=200").then()
                .body("items.findAll { it.title == '" + body.get("title") + "' }", hasSize(1));
    }

    @Test
    void idempotencyKeyReusedWithAnotherBodyIsA422() {
        String key = "key-" + UUID.randomUUID();
        as(MANAGER).header("Idempotency-Key", key).body(article(title())).post(articles(OWN)).then().statusCode(201);
        as(MANAGER).header("Idempotency-Key", key).body(article(title())).post(articles(OWN))
                .then().statusCode(422).contentType(PROBLEM).body("type", endsWith("/idempotency-key-reused"));
    }

    @Test
    void idempotencyKeysAreScopedByClient() {
        String key = "shared-" + UUID.randomUUID();
        Map<String, Object> body = article(title());
        String mine = as(MANAGER).header("Idempotency-Key", key).body(body).post(articles(OWN))
                .then().statusCode(201).extract().path("id");
        as(OTHER_MANAGER).header("Idempotency-Key", key).body(body).post(articles(OTHER))
                .then().statusCode(201).header("Idempotent-Replayed", "false")
                .body("id", not(equalTo(mine))).body("clientId", equalTo(OTHER));
    }

    @Test
    void malformedIdempotencyKeyIsA400NamingTheHeader() {
        as(MANAGER).header("Idempotency-Key", "k".repeat(201)).body(article(title())).post(articles(OWN))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}

package io.bpo.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Knowledge articles through the gateway with real tokens. */
class KnowledgeIT extends PlatformClient {
    static final String ACME_ARTICLES = "/api/v1/clients/" + ACME + "/knowledge/articles";
    static final String GLOBEX_ARTICLES = "/api/v1/clients/" + GLOBEX + "/knowledge/articles";
    static String globexArticle;

    @BeforeAll
    static void data() {
        globexArticle = published(BOB, CAROL, GLOBEX_ARTICLES, article("Claims intake " + UUID.randomUUID(), "en", "DRAFT"));
    }

    static Map<String, Object> article(String title, String language, String status) {
        return new HashMap<>(Map.of("type", "PROCEDURE", "title", title,
                "body", "## Étapes\n\n1. Vérifier l'identité du client.\n2. Ouvrir le dossier de facturation.",
                "language", language, "tags", List.of("facturation"), "classification", "INTERNAL",
                "status", status));
    }

    /** Created by the author as a draft, submitted, and published by a second reviewer: the only way to publish. */
    static String published(String author, String reviewer, String articles, Map<String, Object> draft) {
        String id = as(author).body(draft).post(articles).then().statusCode(201).extract().path("id");
        as(author).post(articles + "/" + id + "/submit").then().statusCode(200);
        as(reviewer).post(articles + "/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void frenchArticleRoundTripsAndPublishedOnesReachAgents() {
        String title = "Contestation de facture — procédure " + UUID.randomUUID().toString().substring(0, 6);
        // a tag of its own: the client may hold thousands of articles (the search benchmark loads 2,000)
        String tag = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> draft = article(title, "fr", "DRAFT");
        draft.put("tags", List.of("facturation", tag));
        String id = published(ALICE, CAROL, ACME_ARTICLES, draft);
        as(ALICE).get(ACME_ARTICLES + "/" + id).then().statusCode(200).body("title", equalTo(title))
                .body("language", equalTo("fr")).body("status", equalTo("PUBLISHED"));
        as(DAVE).get(ACME_ARTICLES + "/" + id).then().statusCode(200).body("title", equalTo(title))
                .body("body", org.hamcrest.Matchers.containsString("Vérifier l'identité"));
        as(DAVE).get(ACME_ARTICLES + "?tag=" + tag).then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void agentsDoNotSeeDrafts() {
        String draft = as(CAROL).body(article("Brouillon " + UUID.randomUUID(), "fr", "DRAFT")).post(ACME_ARTICLES)
                .then().statusCode(201).extract().path("id");
        as(DAVE).get(ACME_ARTICLES + "/" + draft).then().statusCode(404);
        as(ALICE).get(ACME_ARTICLES + "/" + draft).then().statusCode(200);
    }

    @Test
    void invalidArticleNamesTheField() {
        as(ALICE).body(article("Sans langue", "not a language!", "DRAFT")).post(ACME_ARTICLES)
                .then().statusCode(400).contentType(startsWith(PROBLEM_JSON)).body("errors[0].field", equalTo("language"));
        Map<String, Object> unknownType = article("Type inconnu", "fr", "DRAFT");
        unknownType.put("type", "POEM");
        as(ALICE).body(unknownType).post(ACME_ARTICLES).then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    void rolesAreChecked() {
        as(DAVE).body(article("Agent writes", "fr", "DRAFT")).post(ACME_ARTICLES).then().statusCode(403)
                .contentType(startsWith(PROBLEM_JSON));
        as(ERIN).get(ACME_ARTICLES).then().statusCode(403);
        anonymous().get(ACME_ARTICLES).then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void anotherClientsKnowledgeIsForbiddenOrNotFound() {
        as(DAVE).get(GLOBEX_ARTICLES).then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        as(ALICE).body(article("Intrusion", "fr", "DRAFT")).post(GLOBEX_ARTICLES).then().statusCode(403);
        as(ALICE).get(ACME_ARTICLES + "/" + globexArticle).then().statusCode(404);
        as(ALICE).get(ACME_ARTICLES + "?limit=200").then().body("items.id", not(hasItem(globexArticle)));
    }
}

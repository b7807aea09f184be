package io.bpo.knowledge.article;

import static io.bpo.knowledge.Api.PROBLEM;
import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.articles;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.created;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.bpo.knowledge.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters and paging, on a fixed catalogue of articles in a client of its own. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ArticleListTest {
    static final String CATALOGUE = "kl-catalogue";
    static final String MANAGER = Api.manager(CATALOGUE);
    static final String VIEWER = Tokens.token("victor", "client-viewer", CATALOGUE);
    static final String AGENT = Api.agent(CATALOGUE);
    private static boolean seeded;

    /** Five articles, created in this order: the expected results below are their titles. */
    @BeforeEach
    void catalogue() {
        if (seeded) {
            return;
        }
        created(MANAGER, CATALOGUE, entry("refund-procedure", "PROCEDURE", "PUBLISHED", "en", "INTERNAL",
                List.of("billing", "refund")));
        created(MANAGER, CATALOGUE, entry("faq-fr-draft", "FAQ", "DRAFT", "fr", "PUBLIC", List.of("billing")));
        Map<String, Object> restricted = entry("policy-restricted", "POLICY", "PUBLISHED", "en-GB", "RESTRICTED",
                List.of("security"));
        restricted.put("allowedRoles", List.of("client-viewer", "agent"));
        restricted.put("reviewers", List.of("carol"));
        created(MANAGER, CATALOGUE, restricted);
        created(MANAGER, CATALOGUE, entry("faq-fr-published", "FAQ", "PUBLISHED", "fr", "PUBLIC",
                List.of("onboarding", "billing")));
        created(MANAGER, CATALOGUE, entry("wiki-draft", "WIKI_PAGE", "DRAFT", "en", "CONFIDENTIAL", List.of()));
        seeded = true;
    }

    private static Map<String, Object> entry(String title, String type, String status, String language,
            String classification, List<String> tags) {
        Map<String, Object> body = article(title, status);
        body.put("type", type);
        body.put("language", language);
        body.put("classification", classification);
        body.put("tags", tags);
        return body;
    }

    @Test
    void listReturnsSummariesWithoutTheBodyOldestFirst() {
        as(VIEWER).get(articles(CATALOGUE))
                .then().statusCode(200)
                .body("items.title", contains("refund-procedure", "faq-fr-draft", "policy-restricted",
                        "faq-fr-published", "wiki-draft"))
                .body("items", everyItem(not(hasKey("body"))))
                .body("items[0].tags", contains("billing", "refund"))
                .body("items[0].clientId", equalTo(CATALOGUE))
                .body("items[0].authorName", equalTo("alice"))
                .body("items[0].publishedAt", notNullValue())
                .body("items[0].version", equalTo(2)) // created, submitted, published
                .body("nextCursor", nullValue());
    }

    @Test
    void agentListsOnlyPublishedArticles() {
        as(AGENT).get(articles(CATALOGUE))
                .then().statusCode(200)
                .body("items.title", contains("refund-procedure", "policy-restricted", "faq-fr-published"))
                .body("items.status", everyItem(equalTo("PUBLISHED")));
        as(AGENT).get(articles(CATALOGUE) + "?status=DRAFT").then().statusCode(200).body("items", empty());
    }

    @Test
    void filtersByType() {
        as(VIEWER).get(articles(CATALOGUE) + "?type=FAQ")
                .then().statusCode(200).body("items.title", contains("faq-fr-draft", "faq-fr-published"));
    }

    @Test
    void filtersByStatus() {
        as(VIEWER).get(articles(CATALOGUE) + "?status=DRAFT")
                .then().statusCode(200).body("items.title", contains("faq-fr-draft", "wiki-draft"));
        as(VIEWER).get(articles(CATALOGUE) + "?status=IN_REVIEW").then().statusCode(200).body("items", empty());
    }

    @Test
    void filtersByLanguageInItsCanonicalForm() {
        as(VIEWER).get(articles(CATALOGUE) + "?language=fr")
                .then().statusCode(200).body("items.title", contains("faq-fr-draft", "faq-fr-published"));
        as(VIEWER).get(articles(CATALOGUE) + "?language=en-gb")
                .then().statusCode(200).body("items.title", contains("policy-restricted"));
    }

    @Test
    void filtersByTag() {
        as(VIEWER).get(articles(CATALOGUE) + "?tag=billing")
                .then().statusCode(200)
                .body("items.title", contains("refund-procedure", "faq-fr-draft", "faq-fr-published"));
        as(VIEWER).get(articles(CATALOGUE) + "?tag=unknown-tag").then().statusCode(200).body("items", empty());
    }

    @Test
    void filtersByClassification() {
        as(VIEWER).get(articles(CATALOGUE) + "?classification=PUBLIC")
                .then().statusCode(200).body("items.title", contains("faq-fr-draft", "faq-fr-published"));
    }

    @Test
    void filtersCombine() {
        as(VIEWER).get(articles(CATALOGUE) + "?type=FAQ&status=PUBLISHED&language=fr&tag=billing&classification=PUBLIC")
                .then().statusCode(200).body("items.title", contains("faq-fr-published"));
        as(AGENT).get(articles(CATALOGUE) + "?tag=billing")
                .then().statusCode(200).body("items.title", contains("refund-procedure", "faq-fr-published"));
    }

    @Test
    void unknownFilterValuesAreA400NamingEachParameter() {
        as(VIEWER).get(articles(CATALOGUE) + "?type=MEMO").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("type")).body("errors[0].reason", org.hamcrest.Matchers.containsString("FAQ"));
        as(VIEWER).get(articles(CATALOGUE) + "?status=LIVE").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("status"));
        as(VIEWER).get(articles(CATALOGUE) + "?classification=SECRET").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("classification"));
        as(VIEWER).get(articles(CATALOGUE) + "?language=français").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("language"));
        as(VIEWER).get(articles(CATALOGUE) + "?tag=Not_A_Tag").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("tag"));
        as(VIEWER).get(articles(CATALOGUE) + "?type=memo&classification=secret").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("type", "classification"));
    }

    @Test
    void listIsPagedInCreationOrder() {
        String next = as(VIEWER).get(articles(CATALOGUE) + "?limit=2")
                .then().statusCode(200).body("items.title", contains("refund-procedure", "faq-fr-draft"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        String last = as(VIEWER).queryParam("cursor", next).get(articles(CATALOGUE) + "?limit=2")
                .then().statusCode(200).body("items.title", contains("policy-restricted", "faq-fr-published"))
                .extract().path("nextCursor");
        as(VIEWER).queryParam("cursor", last).get(articles(CATALOGUE) + "?limit=2")
                .then().statusCode(200).body("items.title", contains("wiki-draft")).body("nextCursor", nullValue());
    }

    @Test
    void pagingKeepsTheFilters() {
        String next = as(AGENT).get(articles(CATALOGUE) + "?limit=1&tag=billing")
                .then().statusCode(200).body("items.title", contains("refund-procedure"))
                .extract().path("nextCursor");
        as(AGENT).queryParam("cursor", next).get(articles(CATALOGUE) + "?limit=1&tag=billing")
                .then().statusCode(200).body("items.title", contains("faq-fr-published"))
                .body("nextCursor", nullValue());
    }

    @Test
    void listRejectsBadPagingParameters() {
        for (String limit : new String[] {"0", "201", "1000", "-1", "ten"}) {
            as(VIEWER).get(articles(CATALOGUE) + "?limit=" + limit).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("limit"));
        }
        as(VIEWER).get(articles(CATALOGUE) + "?cursor=@@@").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
        as(VIEWER).get(articles(CATALOGUE) + "?limit=200").then().statusCode(200);
    }

    @Test
    void defaultPageHoldsFiftyArticles() {
        String client = "kl-many";
        String manager = Api.manager(client);
        for (int i = 0; i < 51; i++) {
            created(manager, client, article("many-" + i));
        }
        String next = as(manager).get(articles(client))
                .then().statusCode(200).body("items", hasSize(50)).body("items[49].title", equalTo("many-49"))
                .extract().path("nextCursor");
        as(manager).queryParam("cursor", next).get(articles(client))
                .then().statusCode(200).body("items.title", contains("many-50")).body("nextCursor", nullValue());
    }
}

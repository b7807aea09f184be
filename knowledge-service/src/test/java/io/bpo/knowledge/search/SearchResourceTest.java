package io.bpo.knowledge.search;

import static io.bpo.knowledge.Api.PROBLEM;
import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.created;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search on a fixed set of French and English articles in a client of its own, and one other client's. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SearchResourceTest {
    static final String OWN = "ks-own";
    static final String OTHER = "ks-other";
    static final String MANAGER = Tokens.token("alice", "client-manager", OWN);
    static final String VIEWER = Tokens.token("victor", "client-viewer", OWN);
    static final String AGENT = Tokens.token("dave", "agent", OWN);
    static final String OTHER_AGENT = Tokens.token("eve", "agent", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "client-manager", OTHER);
    private static boolean seeded;

    static String search(String client) {
        return "/api/v1/clients/" + client + "/knowledge/search";
    }

    @BeforeEach
    void articles() {
        if (seeded) {
            return;
        }
        created(MANAGER, OWN, entry("Contestation de facturation", "PROCEDURE", "fr", "PUBLISHED", "INTERNAL",
                "## Étapes\nLe client conteste la facturation de son échéance : ouvrir un dossier de litige.",
                List.of("facturation", "litige")));
        created(MANAGER, OWN, entry("Remboursements", "PROCEDURE", "fr", "PUBLISHED", "PUBLIC",
                "Un remboursement est accordé après vérification. Mentionner la facture concernée.",
                List.of("remboursement")));
        created(MANAGER, OWN, entry("Billing disputes", "FAQ", "en", "PUBLISHED", "PUBLIC",
                "When a customer was billed twice, open a dispute and refund the duplicate charge.",
                List.of("billing")));
        created(MANAGER, OWN, entry("Brouillon facturation", "GUIDE", "fr", null, "INTERNAL",
                "Nouvelle procédure de facturation en préparation.", List.of("facturation")));
        Map<String, Object> restricted = entry("Facturation des comptes sensibles", "POLICY", "fr", "PUBLISHED",
                "RESTRICTED", "Les comptes sensibles sont facturés à part.", List.of("facturation"));
        restricted.put("allowedUsers", List.of("dave"));
        restricted.put("reviewers", List.of("carol"));
        created(MANAGER, OWN, restricted);
        created(OTHER_MANAGER, OTHER, entry("Facturation chez un autre client", "PROCEDURE", "fr", "PUBLISHED",
                "INTERNAL", "La facturation de l'autre client.", List.of("facturation")));
        seeded = true;
    }

    private static Map<String, Object> entry(String title, String type, String language, String status,
            String classification, String text, List<String> tags) {
        Map<String, Object> body = article(title, status);
        body.put("type", type);
        body.put("language", language);
        body.put("classification", classification);
        body.put("body", text);
        body.put("tags", tags);
        if (status == null) {
            body.remove("status");
        }
        return body;
    }

    @Test
    void aFrenchQueryFindsTheStemWithoutAccents() {
        as(VIEWER).queryParam("q", "facturé").get(search(OWN)).then().statusCode(200)
                .body("items.title", hasItem("Contestation de facturation"))
                .body("items.title", hasItem("Brouillon facturation"));
        as(VIEWER).queryParam("q", "echeance").queryParam("language", "fr").get(search(OWN)).then().statusCode(200)
                .body("items.title", contains("Contestation de facturation"));
    }

    @Test
    void englishStemmingMatchesOtherFormsOfTheWord() {
        as(AGENT).queryParam("q", "bill").queryParam("language", "en").get(search(OWN)).then().statusCode(200)
                .body("items.title", contains("Billing disputes"));
        as(AGENT).queryParam("q", "refunding").get(search(OWN)).then().statusCode(200)
                .body("items.title", contains("Billing disputes"));
    }

    @Test
    void hitsAreRankedAndHighlighted() {
        as(MANAGER).queryParam("q", "facturation").queryParam("status", "PUBLISHED").get(search(OWN))
                .then().statusCode(200)
                .body("items[0].rank", greaterThan(0f))
                .body("items.title", hasItem("Contestation de facturation"))
                .body("items.find { it.title == 'Contestation de facturation' }.snippet",
                        containsString("<mark>facturation</mark>"))
                .body("items.find { it.title == 'Contestation de facturation' }.publishedVersion", equalTo(1));
        // the title weighs more than the body: the article titled with the word ranks above one that only mentions it
        as(MANAGER).queryParam("q", "remboursement").get(search(OWN)).then().statusCode(200)
                .body("items.title", contains("Remboursements"));
    }

    @Test
    void filtersNarrowTheHits() {
        as(MANAGER).queryParam("q", "facturation").queryParam("type", "GUIDE").get(search(OWN)).then()
                .statusCode(200).body("items.title", contains("Brouillon facturation"));
        as(MANAGER).queryParam("q", "facturation").queryParam("status", "DRAFT").get(search(OWN)).then()
                .statusCode(200).body("items.title", contains("Brouillon facturation"));
        as(MANAGER).queryParam("q", "facture").queryParam("tag", "remboursement").get(search(OWN)).then()
                .statusCode(200).body("items.title", contains("Remboursements"));
        as(MANAGER).queryParam("q", "facturation").queryParam("classification", "RESTRICTED").get(search(OWN))
                .then().statusCode(200).body("items.title", contains("Facturation des comptes sensibles"));
    }

    @Test
    void resultsArePaged() {
        // four articles share the stem factur- (facturation, facturés, facture): two pages of two
        var first = as(MANAGER).queryParam("q", "facturation").queryParam("size", 2).get(search(OWN)).then()
                .statusCode(200).body("items", hasSize(2)).body("hasMore", equalTo(true)).body("page", equalTo(1))
                .extract().<List<String>>path("items.id");
        as(MANAGER).queryParam("q", "facturation").queryParam("size", 2).queryParam("page", 2).get(search(OWN))
                .then().statusCode(200).body("items", hasSize(2)).body("hasMore", equalTo(false))
                .body("items.id", everyItem(not(org.hamcrest.Matchers.in(first))));
    }

    @Test
    void agentsFindOnlyPublishedArticlesTheyMayRead() {
        as(AGENT).queryParam("q", "facturation").get(search(OWN)).then().statusCode(200)
                .body("items.status", everyItem(equalTo("PUBLISHED")))
                .body("items.title", containsInAnyOrder("Contestation de facturation",
                        "Facturation des comptes sensibles", "Remboursements"));
        as(OTHER_AGENT).queryParam("q", "facturation").get(search(OWN)).then().statusCode(200)
                .body("items.title", containsInAnyOrder("Contestation de facturation", "Remboursements"));
        as(VIEWER).queryParam("q", "sensibles").get(search(OWN)).then().statusCode(200).body("items", empty());
    }

    @Test
    void aClientsSearchNeverReturnsAnotherClientsArticle() {
        as(MANAGER).queryParam("q", "autre client").get(search(OWN)).then().statusCode(200).body("items", empty());
        as(OTHER_MANAGER).queryParam("q", "autre client").get(search(OTHER)).then().statusCode(200)
                .body("items.title", contains("Facturation chez un autre client"));
        as(MANAGER).queryParam("q", "facturation").get(search(OTHER)).then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("/tenant-forbidden"));
    }

    @Test
    void badParametersAreNamed() {
        as(VIEWER).get(search(OWN)).then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("q"));
        as(VIEWER).queryParam("q", "x".repeat(201)).get(search(OWN)).then().statusCode(400)
                .body("errors.field", contains("q"));
        as(VIEWER).queryParam("q", "a").queryParam("type", "MEMO").queryParam("status", "LIVE").get(search(OWN))
                .then().statusCode(400).body("errors.field", containsInAnyOrder("type", "status"));
        as(VIEWER).queryParam("q", "a").queryParam("size", 51).get(search(OWN)).then().statusCode(400)
                .body("errors.field", contains("size"));
        as(VIEWER).queryParam("q", "a").queryParam("page", 0).get(search(OWN)).then().statusCode(400)
                .body("errors.field", contains("page"));
        as(VIEWER).queryParam("q", "(&!|").get(search(OWN)).then().statusCode(200);
    }

    @Test
    void rolesWithoutKnowledgeAccessMayNotSearch() {
        as(Tokens.token("erin", "auditor", OWN)).queryParam("q", "facturation").get(search(OWN)).then()
                .statusCode(403);
    }
}

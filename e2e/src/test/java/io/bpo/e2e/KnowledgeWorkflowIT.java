package io.bpo.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The main knowledge flow through the gateway with real Keycloak users: alice (client-manager, acme) writes, may not
 * publish her own article, carol (account-manager) reviews and publishes it, dave (agent, acme) finds it by a French
 * search and acknowledges it, and coverage counts him; bob (globex) never sees it.
 */
class KnowledgeWorkflowIT extends PlatformClient {
    static final String ACME_KNOWLEDGE = "/api/v1/clients/" + ACME + "/knowledge";
    static final String GLOBEX_KNOWLEDGE = "/api/v1/clients/" + GLOBEX + "/knowledge";

    @Test
    void publishWithASecondReviewerSearchAndAcknowledge() {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> draft = new HashMap<>(Map.of("type", "PROCEDURE",
                "title", "Facturation contest\u00e9e " + marker,
                "body", "## \u00c9tapes\n\n1. Ouvrir un dossier de facturation " + marker + ".\n2. R\u00e9pondre sous 48 h.",
                "language", "fr", "tags", List.of("facturation"), "classification", "INTERNAL"));
        String id = as(ALICE).body(draft).post(ACME_KNOWLEDGE + "/articles").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        String article = ACME_KNOWLEDGE + "/articles/" + id;
        as(ALICE).post(article + "/submit").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        as(ALICE).post(article + "/publish").then().statusCode(403).contentType(startsWith(PROBLEM_JSON))
                .body("type", endsWith("/self-review"));
        as(CAROL).post(article + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedVersion", equalTo(1));

        // "factur\u00e9" (accented, another form) finds the article through French stemming
        as(DAVE).queryParam("q", "factur\u00e9 " + marker).get(ACME_KNOWLEDGE + "/search").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.snippet", containsString("<mark>"));
        as(BOB).queryParam("q", marker).get(GLOBEX_KNOWLEDGE + "/search").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(BOB).queryParam("q", marker).get(ACME_KNOWLEDGE + "/search").then().statusCode(403);

        as(CAROL).put(ACME_KNOWLEDGE + "/roster/" + DAVE).then().statusCode(anyOf201or200());
        as(DAVE).post(article + "/acknowledgements").then().statusCode(201).body("version", equalTo(1));
        as(ALICE).get(article + "/coverage").then().statusCode(200)
                .body("acknowledged", hasItem(DAVE)).body("assigned", greaterThanOrEqualTo(1));
        as(DAVE).get(ACME_KNOWLEDGE + "/acknowledgements/pending").then().statusCode(200)
                .body("articleId", not(hasItem(id)));
    }

    @Test
    void clientUsersNeverReadTheProviderSpace() {
        as(DAVE).get(ACME_KNOWLEDGE + "/provider-articles").then().statusCode(200);
        as(ALICE).get(ACME_KNOWLEDGE + "/provider-articles").then().statusCode(403);
    }

    private static org.hamcrest.Matcher<Integer> anyOf201or200() {
        return org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201));
    }
}

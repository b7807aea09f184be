package io.bpo.knowledge.question;

import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.articleUrl;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.created;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Knowledge flows both ways: an agent asks, the client answers, the answer becomes a FAQ draft. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class QuestionTest {
    static final String OWN = "kq-own";
    static final String OTHER = "kq-other";
    static final String ALICE = Tokens.token("alice", "client-manager", OWN);
    static final String CAROL = Tokens.token("carol", "account-manager", OWN);
    static final String DAVE = Tokens.token("dave", "agent", OWN);

    static String questions() {
        return "/api/v1/clients/" + OWN + "/knowledge/questions";
    }

    @Test
    void anAgentAsksTheClientAnswersAndTheAnswerBecomesAFaqDraft() {
        Map<String, Object> source = article("Litiges de facturation", "PUBLISHED");
        source.put("language", "fr");
        String articleId = created(ALICE, OWN, source);
        String question = as(DAVE).body(Map.of("text", "Et si la facture a plus de 90 jours ?"))
                .post(articleUrl(OWN, articleId) + "/questions").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("askedBy", equalTo("dave")).extract().path("id");
        as(ALICE).get(articleUrl(OWN, articleId) + "/questions").then().statusCode(200).body("id", contains(question));
        as(CAROL).post(questions() + "/" + question + "/faq").then().statusCode(409).body("type", endsWith("/not-answered"));
        as(CAROL).body(Map.of("answer", "x")).post(questions() + "/" + question + "/answer").then().statusCode(403);
        as(ALICE).body(Map.of("answer", "Escalader au responsable facturation."))
                .post(questions() + "/" + question + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answeredBy", equalTo("alice"));
        as(ALICE).body(Map.of("answer", "again")).post(questions() + "/" + question + "/answer").then().statusCode(409);
        String faq = as(CAROL).post(questions() + "/" + question + "/faq").then().statusCode(201)
                .body("type", equalTo("FAQ")).body("status", equalTo("DRAFT")).body("language", equalTo("fr"))
                .body("title", equalTo("Et si la facture a plus de 90 jours ?"))
                .body("body", containsString("Escalader au responsable facturation."))
                .extract().path("id");
        as(ALICE).get(questions() + "?status=ANSWERED").then().statusCode(200)
                .body("find { it.id == '" + question + "' }.faqArticleId", equalTo(faq));
        as(CAROL).post(questions() + "/" + question + "/faq").then().statusCode(409).body("type", endsWith("/already-faq"));
    }

    @Test
    void questionsAreValidatedAndConfinedToTheClient() {
        String articleId = created(ALICE, OWN, article("Q target", "PUBLISHED"));
        as(DAVE).body(Map.of("text", " ")).post(articleUrl(OWN, articleId) + "/questions").then().statusCode(400)
                .body("errors.field", contains("text"));
        as(Tokens.token("victor", "client-viewer", OWN)).body(Map.of("text", "q"))
                .post(articleUrl(OWN, articleId) + "/questions").then().statusCode(403);
        as(DAVE).get(questions() + "?status=CLOSED").then().statusCode(400).body("errors.field", contains("status"));
        String foreignArticle = created(Tokens.token("bob", "client-manager", OTHER), OTHER, article("f", "PUBLISHED"));
        as(DAVE).body(Map.of("text", "q")).post(articleUrl(OWN, foreignArticle) + "/questions").then().statusCode(404);
        String foreignQuestion = as(Tokens.token("gina", "agent", OTHER)).body(Map.of("text", "q"))
                .post(articleUrl(OTHER, foreignArticle) + "/questions").then().statusCode(201).extract().path("id");
        as(ALICE).body(Map.of("answer", "a")).post(questions() + "/" + foreignQuestion + "/answer").then().statusCode(404);
        as(ALICE).body(Map.of("answer", "a"))
                .post("/api/v1/clients/" + OTHER + "/knowledge/questions/" + foreignQuestion + "/answer")
                .then().statusCode(403);
    }
}

package io.bpo.knowledge;

import static io.restassured.RestAssured.given;

import io.bpo.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Arranges test data through the API itself, as a client would. There is no clients registry here (it lives in
 * contracts-service): a token listing a client id is all a test needs to act for that client.
 */
public final class Api {
    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String articles(String clientId) {
        return "/api/v1/clients/" + clientId + "/knowledge/articles";
    }

    /** A valid create body; tests copy it and change what they exercise. */
    public static Map<String, Object> article(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "PROCEDURE");
        body.put("title", title);
        body.put("body", "## Steps\n1. Greet the customer.\n2. Check the **account**.");
        body.put("language", "en");
        body.put("tags", List.of("billing", "escalation"));
        body.put("classification", "INTERNAL");
        return body;
    }

    public static Map<String, Object> article(String title, String status) {
        Map<String, Object> body = article(title);
        body.put("status", status);
        return body;
    }

    public static Response create(String token, String clientId, Map<String, Object> body) {
        return as(token).body(body).post(articles(clientId));
    }

    /**
     * Creates an article and returns its id. A body asking for PUBLISHED is created as a draft, submitted by its
     * author and published by a second reviewer (the only way to publish), as {@link #publish} does.
     */
    public static String created(String token, String clientId, Map<String, Object> body) {
        if ("PUBLISHED".equals(body.get("status"))) {
            Map<String, Object> draft = new HashMap<>(body);
            draft.remove("status");
            String id = create(token, clientId, draft).then().statusCode(201).extract().path("id");
            publish(token, reviewerOtherThan(token, clientId), clientId, id);
            return id;
        }
        return create(token, clientId, body).then().statusCode(201).extract().path("id");
    }

    public static String articleUrl(String clientId, String id) {
        return articles(clientId) + "/" + id;
    }

    /** Submits the draft as its author, then publishes it as the reviewer. */
    public static void publish(String author, String reviewer, String clientId, String id) {
        as(author).post(articleUrl(clientId, id) + "/submit").then().statusCode(200);
        as(reviewer).post(articleUrl(clientId, id) + "/publish").then().statusCode(200);
    }

    /** A manager of the client who is not the author of the given token: the account manager, or "rita". */
    public static String reviewerOtherThan(String authorToken, String clientId) {
        String payload = new String(Base64.getUrlDecoder().decode(authorToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.contains("\"carol\"") ? Tokens.token("rita", "client-manager", clientId)
                : Tokens.token("carol", "account-manager", clientId);
    }

    public static String manager(String clientId) {
        return Tokens.token("alice", "client-manager", clientId);
    }

    public static String agent(String clientId) {
        return Tokens.token("dave", "agent", clientId);
    }
}

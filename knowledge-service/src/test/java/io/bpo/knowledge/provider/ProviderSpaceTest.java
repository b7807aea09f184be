package io.bpo.knowledge.provider;

import static io.bpo.knowledge.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bpo.kit.testing.Database;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The provider space: provider staff of every client read it, no client user does, not even through SQL. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ProviderSpaceTest {
    static final String ACME = "kp-acme";
    static final String GLOBEX = "kp-globex";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    static String space(String client) {
        return "/api/v1/clients/" + client + "/knowledge/provider-articles";
    }

    static Map<String, Object> body(String title) {
        return Map.of("type", "GUIDE", "title", title, "body", "Our escalation matrix: level 1, level 2.",
                "language", "en", "tags", List.of("escalation"));
    }

    private static String published(String title) {
        String carol = Tokens.token("carol", "account-manager", ACME, GLOBEX);
        String id = as(carol).body(body(title)).post(space(ACME)).then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        as(carol).post(space(ACME) + "/" + id + "/publish").then().statusCode(403).body("type", endsWith("/self-review"));
        as(Tokens.token("frank", "provider-admin")).post(space(ACME) + "/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("frank"));
        return id;
    }

    @Test
    void providerStaffOfEveryClientReadThePublishedSpace() {
        String title = "Method " + UUID.randomUUID();
        String id = published(title);
        as(Tokens.token("dave", "agent", ACME)).get(space(ACME) + "/" + id).then().statusCode(200)
                .body("title", equalTo(title));
        as(Tokens.token("gina", "agent", GLOBEX)).get(space(GLOBEX)).then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void clientUsersNeverReadIt() {
        String id = published("Method " + UUID.randomUUID());
        for (String token : List.of(Tokens.token("alice", "client-manager", ACME),
                Tokens.token("victor", "client-viewer", ACME))) {
            as(token).get(space(ACME)).then().statusCode(403);
            as(token).get(space(ACME) + "/" + id).then().statusCode(403);
            as(token).body(body("x")).post(space(ACME)).then().statusCode(403);
        }
    }

    @Test
    void agentsDoNotSeeDraftsNorWrite() {
        String carol = Tokens.token("carol", "account-manager", ACME);
        String draft = as(carol).body(body("draft " + UUID.randomUUID())).post(space(ACME)).then().statusCode(201)
                .extract().path("id");
        String dave = Tokens.token("dave", "agent", ACME);
        as(dave).get(space(ACME) + "/" + draft).then().statusCode(404);
        as(dave).get(space(ACME)).then().statusCode(200).body("id", not(hasItem(draft)));
        as(dave).body(body("x")).post(space(ACME)).then().statusCode(403);
        as(carol).body(Map.of("type", "GUIDE")).post(space(ACME)).then().statusCode(400);
    }

    @Test
    void aStaffMemberReadsOnlyThroughAClientTheirTokenLists() {
        as(Tokens.token("dave", "agent", ACME)).get(space(GLOBEX)).then().statusCode(403)
                .body("type", endsWith("/tenant-forbidden"));
    }

    @Test
    void theDatabaseHidesTheSpaceFromATransactionThatDidNotDeclareProviderStaff() throws SQLException {
        published("Method " + UUID.randomUUID());
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + ACME + "', true)");
                assertEquals(0, Database.count(st, "select count(*) from provider_articles"));
                assertEquals(0, st.executeUpdate("update provider_articles set title = 'hijacked'"));
            }
            app.rollback();
        }
    }
}

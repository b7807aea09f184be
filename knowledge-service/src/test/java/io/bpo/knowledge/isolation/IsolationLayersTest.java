package io.bpo.knowledge.isolation;

import static io.bpo.knowledge.Api.article;
import static io.bpo.knowledge.Api.articles;
import static io.bpo.knowledge.Api.as;
import static io.bpo.knowledge.Api.created;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static io.bpo.kit.testing.Database.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.tenancy.TenantContext;
import io.bpo.kit.testing.Database;
import io.bpo.kit.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each isolation layer, alone, stops a cross-tenant read and write: the gateway is absent here (requests go straight
 * to the service), the service's checks are bypassed with native SQL, and row-level security is switched off.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class IsolationLayersTest {
    static final String OWN = "ki-own";
    static final String OTHER = "ki-other";
    static final String OWN_MANAGER = Tokens.token("alice", "client-manager", OWN);
    static final String OWN_AGENT = Tokens.token("dave", "agent", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "client-manager", OTHER);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Inject
    EntityManager em;

    String foreignArticle;

    @BeforeEach
    void data() {
        as(OWN_MANAGER).header("Idempotency-Key", "iso-" + UUID.randomUUID())
                .body(article("own " + UUID.randomUUID())).post(articles(OWN)).then().statusCode(201);
        created(OWN_MANAGER, OWN, article("own " + UUID.randomUUID(), "PUBLISHED"));
        foreignArticle = created(OTHER_MANAGER, OTHER, article("foreign " + UUID.randomUUID(), "PUBLISHED"));
    }

    @Test
    void databaseAloneHidesAndProtectsAnotherTenantsRows() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                assertEquals(0, count(st, "select count(*) from articles where tenant_id = '" + OTHER + "'"));
                assertTrue(count(st, "select count(*) from articles") > 0, "own rows stay visible");
                assertEquals(0, count(st, "select count(*) from idempotency_keys where tenant_id <> '" + OWN + "'"));
                assertTrue(count(st, "select count(*) from idempotency_keys") > 0, "own keys stay visible");
                assertEquals(0, st.executeUpdate(
                        "update articles set title = 'hijacked' where id = '" + foreignArticle + "'"));
                assertEquals(0, st.executeUpdate("delete from articles where id = '" + foreignArticle + "'"));
                SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(
                        "insert into articles (tenant_id, id, type, title, body, language, tags, classification,"
                                + " status, author_subject, author_name, version, created_at, updated_at)"
                                + " values ('" + OTHER + "', gen_random_uuid(), 'FAQ', 'X', 'X', 'en', '{}',"
                                + " 'PUBLIC', 'DRAFT', 'mallory', 'mallory', 0, now(), now())"));
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            }
            app.rollback();
        }
    }

    @Test
    void withoutATenantSettingNothingIsVisible() throws SQLException {
        Database.assertNothingVisibleWithoutTenant(url, appUser, appPassword, "articles", "idempotency_keys",
                "article_versions", "agent_roster", "acknowledgements", "provider_articles");
    }

    @Test
    void appRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        Database.assertAppRoleIsConfined(url, appUser, appPassword, "articles");
    }

    @Test
    void nativeSqlThroughTheServiceIsStillConfinedByTheDatabase() {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(TenantContext.class).get().bind(OWN);
            QuarkusTransaction.requiringNew().run(() -> {
                Number foreign = (Number) em.createNativeQuery(
                        "select count(*) from articles where tenant_id = :other").setParameter("other", OTHER)
                        .getSingleResult();
                assertEquals(0, foreign.intValue());
                int updated = em.createNativeQuery("update articles set title = 'hijacked' where tenant_id = :other")
                        .setParameter("other", OTHER).executeUpdate();
                assertEquals(0, updated);
                int deleted = em.createNativeQuery("delete from articles where id = cast(:id as uuid)")
                        .setParameter("id", foreignArticle).executeUpdate();
                assertEquals(0, deleted);
            });
        } finally {
            requestContext.terminate();
        }
        as(OTHER_MANAGER).get(articles(OTHER) + "/" + foreignArticle)
                .then().statusCode(200).body("title", not(equalTo("hijacked")));
    }

    /** The roster and acknowledgement statements of AcknowledgementService are native SQL: the database confines them. */
    @Test
    void nativeRosterAndAcknowledgementStatementsAreConfinedByTheDatabase() {
        as(Tokens.token("carol", "account-manager", OTHER)).put(knowledge(OTHER) + "/roster/dave");
        as(Tokens.token("dave", "agent", OTHER)).post(articles(OTHER) + "/" + foreignArticle + "/acknowledgements");
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(TenantContext.class).get().bind(OWN);
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(0, em.createNativeQuery("select user_name from agent_roster where tenant_id = ?1")
                        .setParameter(1, OTHER).getResultList().size());
                assertEquals(0, em.createNativeQuery("select acknowledged_at from acknowledgements where tenant_id = ?1")
                        .setParameter(1, OTHER).getResultList().size());
                assertEquals(0, em.createNativeQuery("delete from agent_roster where tenant_id = ?1 and user_name = ?2")
                        .setParameter(1, OTHER).setParameter(2, "dave").executeUpdate());
            });
            RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("insert into agent_roster (tenant_id, user_name, added_by, added_at)"
                            + " values (?1, 'mallory', 'mallory', now())").setParameter(1, OTHER).executeUpdate()));
            assertTrue(causes(refused).contains("row-level security"), causes(refused));
        } finally {
            requestContext.terminate();
        }
        as(Tokens.token("carol", "account-manager", OTHER)).get(knowledge(OTHER) + "/roster").then().statusCode(200)
                .body("userName", hasItem("dave")).body("userName", not(hasItem("mallory")));
        as(Tokens.token("carol", "account-manager", OTHER)).get(articles(OTHER) + "/" + foreignArticle + "/coverage")
                .then().statusCode(200).body("acknowledged", hasItem("dave"));
    }

    private static String knowledge(String client) {
        return "/api/v1/clients/" + client + "/knowledge";
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    @Test
    void serviceAloneStopsCrossTenantAccessWhenRowLevelSecurityIsOff() throws SQLException {
        setRowLevelSecurity(false);
        try {
            as(OWN_MANAGER).get(articles(OWN) + "/" + foreignArticle).then().statusCode(404);
            as(OWN_AGENT).get(articles(OWN) + "/" + foreignArticle).then().statusCode(404);
            as(OWN_MANAGER).get(articles(OWN) + "?limit=200")
                    .then().statusCode(200).body("items.id", not(hasItem(foreignArticle)));
            as(OWN_AGENT).get(articles(OWN) + "?limit=200")
                    .then().statusCode(200).body("items.id", not(hasItem(foreignArticle)));
            as(OWN_MANAGER).get(articles(OTHER)).then().statusCode(403);
            as(OWN_MANAGER).get(articles(OTHER) + "/" + foreignArticle).then().statusCode(403);
            as(OWN_MANAGER).body(article("hijack")).post(articles(OTHER)).then().statusCode(403);
        } finally {
            setRowLevelSecurity(true);
        }
        as(OTHER_MANAGER).get(articles(OTHER) + "/" + foreignArticle)
                .then().statusCode(200).body("version", equalTo(2)).body("clientId", equalTo(OTHER));
    }

    private void setRowLevelSecurity(boolean on) throws SQLException {
        Database.setRowLevelSecurity(url, ownerUser, ownerPassword, "articles", on);
    }
}

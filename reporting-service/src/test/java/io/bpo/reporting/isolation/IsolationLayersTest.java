package io.bpo.reporting.isolation;

import static io.bpo.reporting.Api.answered;
import static io.bpo.reporting.Api.as;
import static io.bpo.reporting.Api.batch;
import static io.bpo.reporting.Api.interactions;
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
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
    static final String OWN = "iso-own";
    static final String OTHER = "iso-other";
    static final String OWN_INGEST = Tokens.token("ingest-own", "reporting-ingest", OWN);
    static final String OTHER_INGEST = Tokens.token("ingest-other", "reporting-ingest", OTHER);
    static final String OWN_MANAGER = Tokens.token("alice", "account-manager", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "account-manager", OTHER);
    static final Instant OFFERED = Instant.parse("2025-06-02T09:00:00Z");
    static final String PERIOD = "?period=2025-06&limit=500";

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

    String foreignExternalId;
    String foreignInteraction;

    @BeforeEach
    void data() {
        as(OWN_INGEST).body(batch(answered("own-" + UUID.randomUUID(), OFFERED))).post(interactions(OWN))
                .then().statusCode(200);
        foreignExternalId = "other-" + UUID.randomUUID();
        as(OTHER_INGEST).body(batch(answered(foreignExternalId, OFFERED))).post(interactions(OTHER))
                .then().statusCode(200);
        foreignInteraction = as(OTHER_MANAGER).get(interactions(OTHER) + PERIOD).then().statusCode(200).extract()
                .path("items.find { it.externalId == '" + foreignExternalId + "' }.id");
    }

    @Test
    void databaseAloneHidesAndProtectsAnotherTenantsRows() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                assertEquals(0, count(st, "select count(*) from interactions where tenant_id = '" + OTHER + "'"));
                assertEquals(0, count(st, "select count(*) from interactions where id = '" + foreignInteraction + "'"));
                assertTrue(count(st, "select count(*) from interactions") > 0, "own rows stay visible");
                SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(
                        "insert into interactions (tenant_id, id, external_id, channel, offered_at, abandoned,"
                                + " received_at, created_at) values ('" + OTHER + "', gen_random_uuid(), 'planted',"
                                + " 'PHONE', now(), true, now(), now())"));
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            }
            app.rollback();
        }
    }

    @Test
    void recordsAreAppendOnlyForTheApplication() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                SQLException update = assertThrows(SQLException.class,
                        () -> st.executeUpdate("update interactions set csat = 1"));
                assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
            }
            app.rollback();
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                SQLException delete = assertThrows(SQLException.class,
                        () -> st.executeUpdate("delete from interactions"));
                assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
            }
            app.rollback();
        }
    }

    @Test
    void withoutATenantSettingNothingIsVisible() throws SQLException {
        Database.assertNothingVisibleWithoutTenant(url, appUser, appPassword, "interactions", "idempotency_keys",
                "interaction_keys", "interaction_rollups", "interaction_ingest_days", "kpi_measurements");
    }

    @Test
    void appRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        Database.assertAppRoleIsConfined(url, appUser, appPassword, "interactions");
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword);
                Statement st = app.createStatement()) {
            // every table, partitions included, has the tenant_isolation policy
            assertEquals(0, count(st, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'"
                    + " and not exists (select 1 from pg_policies p where p.schemaname = 'public'"
                    + " and p.tablename = c.relname and p.policyname = 'tenant_isolation')"));
        }
    }

    @Test
    void nativeSqlThroughTheServiceIsStillConfinedByTheDatabase() {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(TenantContext.class).get().bind(OWN);
            QuarkusTransaction.requiringNew().run(() -> {
                Number foreign = (Number) em.createNativeQuery(
                        "select count(*) from interactions where tenant_id = :other").setParameter("other", OTHER)
                        .getSingleResult();
                assertEquals(0, foreign.intValue());
            });
            PersistenceException planted = assertThrows(PersistenceException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "insert into interactions (tenant_id, id, external_id, channel, offered_at, abandoned,"
                                    + " received_at, created_at) values (:other, gen_random_uuid(), 'planted',"
                                    + " 'PHONE', now(), true, now(), now())")
                            .setParameter("other", OTHER).executeUpdate()));
            assertTrue(messages(planted).contains("row-level security"), messages(planted));
        } finally {
            requestContext.terminate();
        }
        as(OTHER_MANAGER).get(interactions(OTHER) + PERIOD).then().statusCode(200)
                .body("items.externalId", not(hasItem("planted")));
    }

    @Test
    void serviceAloneStopsCrossTenantAccessWhenRowLevelSecurityIsOff() throws SQLException {
        setRowLevelSecurity(false);
        try {
            as(OWN_MANAGER).get(interactions(OWN) + "/" + foreignInteraction).then().statusCode(404);
            as(OWN_MANAGER).get(interactions(OWN) + PERIOD)
                    .then().statusCode(200).body("items.id", not(hasItem(foreignInteraction)));
            as(OWN_MANAGER).get(interactions(OTHER) + PERIOD).then().statusCode(403);
            as(OWN_INGEST).body(batch(answered("hijack-" + UUID.randomUUID(), OFFERED))).post(interactions(OTHER))
                    .then().statusCode(403);
            // the other client's externalId is not a duplicate here: the record is stored under the caller's tenant
            as(OWN_INGEST).body(batch(answered(foreignExternalId, OFFERED))).post(interactions(OWN))
                    .then().statusCode(200).body("created", equalTo(1)).body("duplicates", equalTo(0));
        } finally {
            setRowLevelSecurity(true);
        }
        as(OWN_MANAGER).get(interactions(OWN) + PERIOD).then()
                .body("items.find { it.externalId == '" + foreignExternalId + "' }.clientId", equalTo(OWN));
        as(OTHER_MANAGER).get(interactions(OTHER) + "/" + foreignInteraction)
                .then().statusCode(200).body("clientId", equalTo(OTHER));
    }

    private void setRowLevelSecurity(boolean on) throws SQLException {
        Database.setRowLevelSecurity(url, ownerUser, ownerPassword, "interactions", on);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}

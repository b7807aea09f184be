package io.bpo.contracts.isolation;

import static io.bpo.contracts.Api.as;
import static io.bpo.contracts.Api.contract;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static io.bpo.kit.testing.Database.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.contracts.Api;
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
    static final String OWN = "iso-own";
    static final String OTHER = "iso-other";
    static final String OWN_MANAGER = Tokens.token("alice", "account-manager", OWN);
    static final String OTHER_MANAGER = Tokens.token("bob", "account-manager", OTHER);

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

    String foreignContract;

    @BeforeEach
    void data() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
        as(OWN_MANAGER).body(contract("ISO-" + UUID.randomUUID())).post("/api/v1/clients/" + OWN + "/contracts")
                .then().statusCode(201);
        foreignContract = as(OTHER_MANAGER).body(contract("ISO-" + UUID.randomUUID()))
                .post("/api/v1/clients/" + OTHER + "/contracts").then().statusCode(201).extract().path("id");
    }

    @Test
    void databaseAloneHidesAndProtectsAnotherTenantsRows() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                assertEquals(0, count(st, "select count(*) from contracts where tenant_id = '" + OTHER + "'"));
                assertTrue(count(st, "select count(*) from contracts") > 0, "own rows stay visible");
                assertEquals(0, st.executeUpdate("update contracts set title = 'hijacked' where id = '" + foreignContract + "'"));
                assertEquals(0, st.executeUpdate("delete from contracts where id = '" + foreignContract + "'"));
                SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(
                        "insert into contracts (tenant_id, id, reference, title, engagement_type, delivery_model,"
                                + " delivery_country, delivery_location, start_date, currency, status, version,"
                                + " created_at, updated_at) values ('" + OTHER + "', gen_random_uuid(), 'X', 'X', 'BPO',"
                                + " 'OUTSOURCED', 'FR', 'ONSHORE', current_date, 'EUR', 'DRAFT', 0, now(), now())"));
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            }
            app.rollback();
        }
    }

    @Test
    void withoutATenantSettingNothingIsVisible() throws SQLException {
        Database.assertNothingVisibleWithoutTenant(url, appUser, appPassword, "contracts", "clients", "idempotency_keys");
    }

    @Test
    void appRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        Database.assertAppRoleIsConfined(url, appUser, appPassword, "contracts");
    }

    @Test
    void nativeSqlThroughTheServiceIsStillConfinedByTheDatabase() {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(TenantContext.class).get().bind(OWN);
            QuarkusTransaction.requiringNew().run(() -> {
                Number foreign = (Number) em.createNativeQuery(
                        "select count(*) from contracts where tenant_id = :other").setParameter("other", OTHER)
                        .getSingleResult();
                assertEquals(0, foreign.intValue());
                int updated = em.createNativeQuery("update contracts set title = 'hijacked' where tenant_id = :other")
                        .setParameter("other", OTHER).executeUpdate();
                assertEquals(0, updated);
            });
        } finally {
            requestContext.terminate();
        }
        as(OTHER_MANAGER).get("/api/v1/clients/" + OTHER + "/contracts/" + foreignContract)
                .then().statusCode(200).body("title", not(org.hamcrest.Matchers.equalTo("hijacked")));
    }

    @Test
    void serviceAloneStopsCrossTenantAccessWhenRowLevelSecurityIsOff() throws SQLException {
        setRowLevelSecurity(false);
        try {
            as(OWN_MANAGER).get("/api/v1/clients/" + OWN + "/contracts/" + foreignContract).then().statusCode(404);
            as(OWN_MANAGER).header("If-Match", "\"0\"").body(contract("HIJACK-" + UUID.randomUUID()))
                    .put("/api/v1/clients/" + OWN + "/contracts/" + foreignContract).then().statusCode(404);
            as(OWN_MANAGER).get("/api/v1/clients/" + OWN + "/contracts?limit=200")
                    .then().statusCode(200).body("items.id", not(hasItem(foreignContract)));
            as(OWN_MANAGER).get("/api/v1/clients/" + OTHER + "/contracts").then().statusCode(403);
            as(OWN_MANAGER).body(contract("HIJACK-" + UUID.randomUUID()))
                    .post("/api/v1/clients/" + OTHER + "/contracts").then().statusCode(403);
        } finally {
            setRowLevelSecurity(true);
        }
        as(OTHER_MANAGER).get("/api/v1/clients/" + OTHER + "/contracts/" + foreignContract)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(0));
    }

    private void setRowLevelSecurity(boolean on) throws SQLException {
        Database.setRowLevelSecurity(url, ownerUser, ownerPassword, "contracts", on);
    }
}

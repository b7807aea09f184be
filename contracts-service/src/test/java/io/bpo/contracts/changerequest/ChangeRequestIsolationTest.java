package io.bpo.contracts.changerequest;

import static io.bpo.contracts.changerequest.Amendments.activeContract;
import static io.bpo.contracts.changerequest.Amendments.provider;
import static io.bpo.contracts.changerequest.Amendments.raised;
import static io.bpo.kit.testing.Database.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.contracts.Api;
import io.bpo.kit.testing.Database;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Isolation layer 3 for change requests: the database alone hides and protects another client's requests. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ChangeRequestIsolationTest {
    static final String OWN = "cr-iso";
    static final String OTHER = "cr-iso-other";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    String foreign;

    @BeforeEach
    void requestsOfBothClients() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
        raised(provider(OWN), OWN, activeContract(OWN), "2026-06-01", 85);
        String url = raised(provider(OTHER), OTHER, activeContract(OTHER), "2026-06-01", 85);
        foreign = url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void databaseHidesAndProtectsAnotherClientsChangeRequests() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                assertTrue(count(st, "select count(*) from change_requests") > 0, "own requests stay visible");
                assertEquals(0, count(st, "select count(*) from change_requests where tenant_id = '" + OTHER + "'"));
                assertEquals(0, st.executeUpdate(
                        "update change_requests set status = 'WITHDRAWN' where id = '" + foreign + "'"));
                SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(
                        "insert into change_requests (tenant_id, id, contract_id, status, raised_by_party, raised_by,"
                                + " reason, effective_from, categories, base_version_number, proposed_terms, patch,"
                                + " version, created_at, updated_at) select '" + OTHER + "', gen_random_uuid(),"
                                + " contract_id, 'PENDING', 'CLIENT', 'x', 'x', current_date, array['SLA'], 1, '{}',"
                                + " '[]', 0, now(), now() from change_requests limit 1"));
                assertTrue(refused.getMessage().contains("row-level security")
                        || refused.getMessage().contains("foreign key"), refused.getMessage());
            }
            app.rollback();
        }
    }

    @Test
    void appRoleCannotDeleteChangeRequests() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword)) {
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWN + "', true)");
                SQLException refused = assertThrows(SQLException.class,
                        () -> st.executeUpdate("delete from change_requests"));
                assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
            }
            app.rollback();
        }
    }

    @Test
    void withoutATenantSettingNoChangeRequestIsVisible() throws SQLException {
        Database.assertNothingVisibleWithoutTenant(url, appUser, appPassword, "change_requests");
    }
}

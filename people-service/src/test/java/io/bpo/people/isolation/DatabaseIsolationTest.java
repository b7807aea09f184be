package io.bpo.people.isolation;

import org.junit.jupiter.api.Test;

import io.bpo.kit.testing.Database;
import io.bpo.people.support.FakeKeycloakAndServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Layer 3 in people-service's database: a confined app role, forced row-level security, nothing without a scope. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeKeycloakAndServices.class, scope = TestResourceScope.GLOBAL)
class DatabaseIsolationTest {
    static final String URL = "jdbc:postgresql://localhost:5432/people_test";

    @Test
    void theAppRoleIsConfinedAndEveryTableForcesRowLevelSecurity() throws Exception {
        Database.assertAppRoleIsConfined(URL, "people_app", "people_app", "client_lifecycle");
    }

    @Test
    void withoutATenantOrAScopeNothingIsVisible() throws Exception {
        Database.assertNothingVisibleWithoutTenant(URL, "people_app", "people_app", "client_lifecycle",
                "lifecycle_events", "revocations", "client_exports");
    }
}

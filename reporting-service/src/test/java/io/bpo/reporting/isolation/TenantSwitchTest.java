package io.bpo.reporting.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the portfolio across clients relies on (TenantContext.callAs): each transaction begun while a client is bound
 * tells PostgreSQL that client and no other, the binding ends with the work, and it can neither start inside a
 * transaction (which would keep the tenant it began with) nor replace a request's own tenant.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TenantSwitchTest {
    @Inject
    EntityManager em;

    String boundInDatabase() {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select current_setting('app.tenant_id', true)").getSingleResult());
    }

    @Test
    void eachTransactionActsForTheClientBoundWhenItBegan() {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            TenantContext tenant = Arc.container().instance(TenantContext.class).get();
            List<String> seen = List.of(tenant.callAs("sw-one", this::boundInDatabase),
                    tenant.callAs("sw-two", this::boundInDatabase));
            assertEquals(List.of("sw-one", "sw-two"), seen);
            assertTrue(tenant.tenantId().isEmpty(), "unbound after the work");
            assertEquals("-", boundInDatabase());
        } finally {
            requestContext.terminate();
        }
    }

    @Test
    void aClientIsNeverBoundInsideATransaction() {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            TenantContext tenant = Arc.container().instance(TenantContext.class).get();
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> tenant.callAs("sw-one", () -> "read")));
            assertTrue(tenant.tenantId().isEmpty());
        } finally {
            requestContext.terminate();
        }
    }

    @Test
    void aRequestBoundByItsPathNeverSwitches() {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            TenantContext tenant = Arc.container().instance(TenantContext.class).get();
            tenant.bind("sw-one");
            assertThrows(IllegalStateException.class, () -> tenant.callAs("sw-two", () -> "read"));
            assertEquals("sw-one", tenant.require());
        } finally {
            requestContext.terminate();
        }
    }
}

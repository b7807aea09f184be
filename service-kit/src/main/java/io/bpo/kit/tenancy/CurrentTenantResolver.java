package io.bpo.kit.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds Hibernate's discriminator multi-tenancy ({@code @TenantId}). Outside a tenant-bound request it answers a
 * tenant id that no row can carry, so a query that forgot its tenant finds nothing rather than everything.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CurrentTenantResolver implements TenantResolver {
    public static final String NO_TENANT = "-";

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        var requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return NO_TENANT;
        }
        return Arc.container().instance(TenantContext.class).get().tenantId().orElse(NO_TENANT);
    }
}

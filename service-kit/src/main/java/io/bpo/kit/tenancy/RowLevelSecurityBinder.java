package io.bpo.kit.tenancy;

import io.agroal.api.AgroalDataSource;
import io.bpo.kit.security.Caller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Layer 3 of isolation: at the start of every transaction, tells PostgreSQL which tenant the transaction acts for.
 * The settings are transaction-local ({@code set_config(..., true)}), so they vanish at commit or rollback and a
 * pooled connection never carries one request's tenant into the next. Row-level-security policies read them:
 * {@code app.tenant_id} for tenant-owned tables, {@code app.visible_tenants} for the clients registry.
 */
@ApplicationScoped
public class RowLevelSecurityBinder {
    public static final String ALL_TENANTS = "*";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionManager transactionManager;

    void onTransactionBegin(@Observes @Initialized(TransactionScoped.class) Object event) {
        String tenant = CurrentTenantResolver.NO_TENANT;
        String visible = "";
        var requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            tenant = Arc.container().instance(TenantContext.class).get().tenantId().orElse(CurrentTenantResolver.NO_TENANT);
            Caller caller = Arc.container().instance(Caller.class).get();
            visible = caller.isAuthenticated()
                    ? (caller.mayCrossTenants() ? ALL_TENANTS : String.join(",", caller.tenants()))
                    : "";
        }
        bind(tenant, visible);
    }

    private void bind(String tenant, String visibleTenants) {
        // Inside a JTA transaction Agroal hands every caller the same enlisted connection, so the setting made here
        // is the one Hibernate's statements run under; closing this handle does not release that connection.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select set_config('app.tenant_id', ?, true), set_config('app.visible_tenants', ?, true)")) {
            statement.setString(1, tenant);
            statement.setString(2, visibleTenants);
            statement.execute();
        } catch (SQLException | RuntimeException e) {
            abandonTransaction(e);
            // the SQLException stays the cause: a database that cannot be reached is a 503, not a 500
            throw new IllegalStateException("Could not bind the tenant to the transaction", e);
        }
    }

    /**
     * Thrown from inside {@code begin()}, a failure here is seen by whoever began the transaction as a begin that
     * never happened, so nobody would end it: it would stay on this worker thread, the transaction reaper would roll
     * it back after its timeout, and from then on every request served by the thread would join that dead
     * transaction and fail ("Failing fast as the transaction has rolled back"), long after the database is back.
     * So the transaction is rolled back here, which also frees the thread.
     */
    private void abandonTransaction(Exception cause) {
        try {
            transactionManager.rollback();
        } catch (Exception | Error e) {
            cause.addSuppressed(e);
        }
    }
}

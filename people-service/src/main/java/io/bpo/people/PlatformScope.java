package io.bpo.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/**
 * For work with no caller (the retention job): widens the current transaction to every client, as the
 * row-level-security policies let a cross-tenant caller ({@code app.visible_tenants = '*'}). Transaction-local,
 * like the binder's own setting; call it first inside the transaction.
 */
public final class PlatformScope {
    private PlatformScope() {
    }

    public static void allClients() {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select set_config('app.visible_tenants', '*', true)")) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not widen the transaction to every client", e);
        }
    }
}

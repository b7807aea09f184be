package io.bpo.kit.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks of isolation layer 3 that hold for every service's database, run through raw JDBC as the service's own
 * roles: what the application role is and is not, and what it sees without a tenant.
 */
public final class Database {
    private static final String PUBLIC_TABLES = "from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'";

    private Database() {
    }

    public static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The app role has no attribute that lifts row-level security, owns no object, cannot alter the schema, and
     * every table of the schema has row-level security enabled and forced.
     */
    public static void assertAppRoleIsConfined(String url, String appUser, String appPassword, String someTable)
            throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword);
                Statement st = app.createStatement()) {
            try (ResultSet role = st.executeQuery("select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb"
                    + " from pg_roles where rolname = current_user")) {
                role.next();
                for (int column = 1; column <= 4; column++) {
                    assertFalse(role.getBoolean(column), "app role attribute " + role.getMetaData().getColumnName(column));
                }
            }
            assertEquals(0, count(st, "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner"
                    + " where r.rolname = current_user"), "objects owned by the app role");
            assertTrue(count(st, "select count(*) " + PUBLIC_TABLES) >= 2, "the schema has been migrated");
            assertEquals(0, count(st, "select count(*) " + PUBLIC_TABLES
                    + " and not (c.relrowsecurity and c.relforcerowsecurity)"), "tables without forced RLS");
            assertAll(
                    () -> assertThrows(SQLException.class, () -> st.execute("drop table " + someTable)),
                    () -> assertThrows(SQLException.class,
                            () -> st.execute("alter table " + someTable + " disable row level security")),
                    () -> assertThrows(SQLException.class, () -> st.execute("create table intruder (x int)")));
        }
    }

    /**
     * Switches row-level security of one table off (or back on) as its owner, so a test can show that the service's
     * own checks stop a cross-tenant access without the database's help. Always switch it back in a finally block.
     */
    public static void setRowLevelSecurity(String url, String owner, String password, String table, boolean on)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, owner, password);
                Statement st = connection.createStatement()) {
            st.execute(on
                    ? "alter table " + table + " enable row level security; alter table " + table
                            + " force row level security"
                    : "alter table " + table + " no force row level security; alter table " + table
                            + " disable row level security");
        }
    }

    /** Without {@code app.tenant_id} set, the app role sees no row of the given tenant-owned tables. */
    public static void assertNothingVisibleWithoutTenant(String url, String appUser, String appPassword,
            String... tables) throws SQLException {
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword);
                Statement st = app.createStatement()) {
            for (String table : tables) {
                assertEquals(0, count(st, "select count(*) from " + table), table + " rows visible without a tenant");
            }
        }
    }
}

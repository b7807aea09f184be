package io.bpo.contracts.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hot read binds the tenant and reads in one round trip, outside any JTA transaction: the binding must hold for
 * the read (row-level security lets the row through), never let another tenant's row through, and never outlive the
 * read on the pooled connection.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StoredTermsReaderTest {
    static final String OWN = "str-own";
    static final String OTHER = "str-other";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clients() {
        Api.onboard(OWN);
        Api.onboard(OTHER);
    }

    @Test
    void theTenantIsBoundForTheReadAndGoneAfterIt() throws SQLException {
        UUID own = UUID.fromString(TermsResourceTest.createDraft(Tokens.token("alice", "account-manager", OWN), OWN, TermsDocs.terms()));
        try (Connection connection = dataSource.getConnection()) {
            Optional<StoredTermsReader.Stored> stored = StoredTermsReader.read(connection, OWN, own, null);
            assertTrue(stored.isPresent());
            assertEquals(OWN, stored.get().view().clientId());
            assertEquals(Integer.valueOf(1), stored.get().view().versionNumber());
            // the same pooled connection, next statement: no tenant bound any more, so row-level security hides all
            assertEquals("", setting(connection));
            assertEquals(0, count(connection, "select count(*) from contracts"));
            assertTrue(StoredTermsReader.read(connection, OWN, own, TermsDocs.START).isPresent());
            assertEquals(Optional.empty(), StoredTermsReader.read(connection, OWN, own, TermsDocs.START.minusDays(1)));
            assertEquals("", setting(connection));
        }
    }

    @Test
    void anotherTenantsContractIsNotFound() throws SQLException {
        UUID others = UUID.fromString(TermsResourceTest.createDraft(Tokens.token("bob", "account-manager", OTHER),
                OTHER, TermsDocs.terms()));
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(Optional.empty(), StoredTermsReader.read(connection, OWN, others, null));
            assertEquals(Optional.empty(), StoredTermsReader.read(connection, OWN, others, LocalDate.now()));
            assertTrue(StoredTermsReader.read(connection, OTHER, others, null).isPresent());
        }
    }

    @Test
    void readingInsideAnOpenTransactionIsRefused() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                assertThrows(IllegalStateException.class,
                        () -> StoredTermsReader.read(connection, OWN, UUID.randomUUID(), null));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select coalesce(current_setting('app.tenant_id', true), '')")) {
            row.next();
            return row.getString(1);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}

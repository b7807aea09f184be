package io.bpo.contracts.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.bpo.contracts.contract.ContractStatus;
import io.bpo.contracts.Api;
import io.bpo.kit.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class StoredTermsReaderTest {
    static final String OWN = "str-own";
    static final String OTHER = "str-other";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

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
    void theDocumentCarriesTheStoredTermsAsTheyAre() throws Exception {
        String stored = "{\"scope\":[{\"key\":\"appels-facturation\",\"description\":\"Réclamations — \\\"urgent\\\" ☎\"}],"
                + "\"fee\":1234.50}";
        StoredTermsView view = new StoredTermsView(UUID.randomUUID(), OWN, "REF-É", "Relation client \"Île\"", "EUR",
                ContractStatus.ACTIVE, 2, 1, LocalDate.of(2026, 3, 15), stored);
        String json = view.json();

        JsonNode document = mapper.readTree(json);
        assertEquals(view.contractId().toString(), document.get("contractId").asText());
        assertEquals("Relation client \"Île\"", document.get("title").asText());
        assertEquals("REF-É", document.get("reference").asText());
        assertEquals("ACTIVE", document.get("status").asText());
        assertEquals(2, document.get("versionNumber").asInt());
        assertEquals(1, document.get("amendmentNumber").asInt());
        assertEquals("2026-03-15", document.get("effectiveFrom").asText());
        assertEquals(mapper.readTree(stored), document.get("terms"));
        List<String> fields = new ArrayList<>();
        document.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("contractId", "clientId", "reference", "title", "currency", "status", "versionNumber",
                "amendmentNumber", "effectiveFrom", "terms"), fields, "the fields of TermsView, terms last");
        assertTrue(json.endsWith(",\"terms\":" + stored + "}"), "the stored text, unchanged (1234.50 stays 1234.50)");
    }

    /** The fields of {@link StoredTermsView} before the terms, for the service's own mapper to write. */
    record Head(UUID contractId, String clientId, String reference, String title, String currency,
            ContractStatus status, Integer versionNumber, Integer amendmentNumber, LocalDate effectiveFrom) {
    }

    @Test
    void theDocumentIsExactlyWhatTheServicesMapperWouldWrite() throws Exception {
        List<StoredTermsView> views = List.of(
                new StoredTermsView(UUID.randomUUID(), OWN, "R\"1\\/é", "Tab\there\nline \u0001 \u007f ☎ 😀 </script>",
                        "EUR", ContractStatus.DRAFT, 1, 0, LocalDate.of(2026, 1, 1), "{}"),
                new StoredTermsView(UUID.randomUUID(), OTHER, "R", null, null, null, null, null, null, "{\"a\":[1,2]}"));
        for (StoredTermsView view : views) {
            String head = mapper.writeValueAsString(new Head(view.contractId(), view.clientId(), view.reference(),
                    view.title(), view.currency(), view.status(), view.versionNumber(), view.amendmentNumber(),
                    view.effectiveFrom()));
            assertEquals(head.substring(0, head.length() - 1) + ",\"terms\":" + view.terms() + "}", view.json());
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

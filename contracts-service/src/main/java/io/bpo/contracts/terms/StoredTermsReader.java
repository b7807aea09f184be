package io.bpo.contracts.terms;

import io.agroal.api.AgroalDataSource;
import io.bpo.contracts.contract.ContractStatus;
import io.bpo.kit.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The hot read path of a contract's terms: the contract and the version wanted, the terms written out as stored, in
 * one round trip to the database and without a JTA transaction. Native SQL, so it names the tenant itself (layer 2);
 * row-level security on both tables holds it to that tenant as well (layer 3): the statement that reads is sent
 * together with the one that binds the tenant, {@code set_config('app.tenant_id', ?, true)}, and PostgreSQL runs
 * both in one implicit transaction (everything before the protocol's Sync), so the binding holds for the read and
 * vanishes with that transaction: the pooled connection goes back with no tenant bound.
 * <p>
 * Measured on the benchmark's read: beginning and committing a JTA transaction, binding the tenant in its own
 * statement and committing in a third round trip were a quarter of the service's CPU per request.
 */
@ApplicationScoped
public class StoredTermsReader {
    private static final String BIND = "select set_config('app.tenant_id', ?, true);\n";
    private static final String LATEST = "select c.reference, c.title, c.currency, c.status, c.end_date, v.number,"
            + " v.amendment_number, v.effective_from, v.version, v.terms::text"
            + " from contracts c join contract_versions v on v.tenant_id = c.tenant_id and v.contract_id = c.id"
            + " where c.tenant_id = ? and c.id = ?";
    static final String READ_LATEST = BIND + LATEST + " order by v.number desc limit 1";
    static final String READ_AT = BIND + LATEST
            + " and v.effective_from <= ? order by v.effective_from desc, v.number desc limit 1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenant;

    public record Stored(StoredTermsView view, String etag) {
    }

    /**
     * The latest version, or the one in force on {@code at}, for the request's tenant; empty when the contract or
     * version is not found. Never inside a transaction: the connection must be in auto-commit for the binding to end
     * with the read.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Stored> read(UUID contractId, LocalDate at) {
        String clientId = tenant.require();
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, clientId, contractId, at);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the terms of contract " + contractId, e);
        }
    }

    /** The read on {@code connection}, which must be in auto-commit (so the tenant's binding ends with it). */
    static Optional<Stored> read(Connection connection, String clientId, UUID contractId, LocalDate at)
            throws SQLException {
        if (!connection.getAutoCommit()) {
            throw new IllegalStateException("The terms are read in auto-commit only: the tenant would stay bound");
        }
        try (PreparedStatement statement = connection.prepareStatement(at == null ? READ_LATEST : READ_AT)) {
            statement.setString(1, clientId);
            statement.setString(2, clientId);
            statement.setObject(3, contractId);
            if (at != null) {
                statement.setObject(4, at);
            }
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("The terms query gave no result");
            }
            try (ResultSet row = statement.getResultSet()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                LocalDate endDate = row.getObject(5, LocalDate.class);
                ContractStatus status = ContractStatus.valueOf(row.getString(4))
                        .asOf(LocalDate.now(ZoneOffset.UTC), endDate);
                int number = row.getInt(6);
                StoredTermsView view = new StoredTermsView(contractId, clientId, row.getString(1), row.getString(2),
                        row.getString(3), status, number, row.getInt(7), row.getObject(8, LocalDate.class),
                        row.getString(10));
                return Optional.of(new Stored(view, number + "." + row.getLong(9)));
            }
        }
    }
}

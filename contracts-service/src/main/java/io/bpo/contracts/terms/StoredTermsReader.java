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
 * The hot read path of a contract's terms: one SQL statement for the contract and the version wanted, the terms
 * written out as stored. Native SQL, so it names the tenant itself (layer 2) and runs in the caller's transaction,
 * where row-level security on both tables holds it to that tenant as well (layer 3).
 */
@ApplicationScoped
public class StoredTermsReader {
    private static final String LATEST = "select c.reference, c.title, c.currency, c.status, c.end_date, v.number,"
            + " v.amendment_number, v.effective_from, v.version, v.terms::text"
            + " from contracts c join contract_versions v on v.tenant_id = c.tenant_id and v.contract_id = c.id"
            + " where c.tenant_id = ? and c.id = ?";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenant;

    public record Stored(StoredTermsView view, String etag) {
    }

    /** The latest version, or the one in force on {@code at}; empty when the contract or version is not found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> read(UUID contractId, LocalDate at) {
        String sql = at == null
                ? LATEST + " order by v.number desc limit 1"
                : LATEST + " and v.effective_from <= ? order by v.effective_from desc, v.number desc limit 1";
        String clientId = tenant.require();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, clientId);
            statement.setObject(2, contractId);
            if (at != null) {
                statement.setObject(3, at);
            }
            try (ResultSet row = statement.executeQuery()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the terms of contract " + contractId, e);
        }
    }
}

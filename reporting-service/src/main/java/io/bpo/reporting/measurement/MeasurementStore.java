package io.bpo.reporting.measurement;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads {@code kpi_measurements} for the SLA engine. Native SQL on the transaction's connection, confined to the
 * bound tenant by row-level security; the tenant is named in the query as well.
 */
@ApplicationScoped
public class MeasurementStore implements Measurements {
    private static final String FIND = """
            select contract_id, sla_key, period_start, period_end, value, numerator, denominator, received_at
            from kpi_measurements
            where tenant_id = ? and contract_id = ? and sla_key = ? and period_start >= ? and period_start < ?
            order by period_start""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Measurement> find(String tenantId, UUID contractId, String slaKey, Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setString(1, tenantId);
            query.setObject(2, contractId);
            query.setString(3, slaKey);
            query.setTimestamp(4, Timestamp.from(from));
            query.setTimestamp(5, Timestamp.from(to));
            List<Measurement> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new Measurement(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getTimestamp(3).toInstant(), rows.getTimestamp(4).toInstant(), rows.getBigDecimal(5),
                            rows.getBigDecimal(6), rows.getBigDecimal(7), rows.getTimestamp(8).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading KPI measurements failed", e);
        }
    }
}

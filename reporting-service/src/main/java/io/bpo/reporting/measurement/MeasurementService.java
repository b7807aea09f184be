package io.bpo.reporting.measurement;

import io.agroal.api.AgroalDataSource;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.reporting.ingestion.IngestionResult;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Stores KPI measurements for the tenant bound to the request: idempotent by (contract, SLA, period start), the first
 * value stays and a repeat counts as a duplicate, and by Idempotency-Key. Native SQL (ON CONFLICT DO NOTHING is the
 * race-free duplicate check), confined to the tenant by row-level security.
 */
@ApplicationScoped
@Transactional
public class MeasurementService {
    static final String OPERATION = "measurements.ingest";
    private static final String INSERT = """
            insert into kpi_measurements (tenant_id, contract_id, sla_key, period_start, period_end, value, numerator,
                                          denominator, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, contract_id, sla_key, period_start) do nothing""";

    @Inject
    Idempotency idempotency;

    @Inject
    TenantContext tenant;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Measurements measurements;

    public Idempotency.Outcome<IngestionResult> ingest(List<MeasurementRecord> batch, String idempotencyKey) {
        return idempotency.once(idempotencyKey, OPERATION, batch, IngestionResult.class, () -> store(batch));
    }

    public List<Measurements.Measurement> find(UUID contractId, String slaKey, Instant from, Instant to) {
        return measurements.find(tenant.require(), contractId, slaKey, from, to);
    }

    private IngestionResult store(List<MeasurementRecord> batch) {
        String tenantId = tenant.require();
        Timestamp receivedAt = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        int created = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (MeasurementRecord m : batch) {
                insert.setString(1, tenantId);
                insert.setObject(2, m.contractId());
                insert.setString(3, m.slaKey());
                insert.setTimestamp(4, Timestamp.from(m.periodStart()));
                insert.setTimestamp(5, Timestamp.from(m.periodEnd()));
                insert.setBigDecimal(6, m.value());
                insert.setBigDecimal(7, m.numerator());
                insert.setBigDecimal(8, m.denominator());
                insert.setTimestamp(9, receivedAt);
                insert.addBatch();
            }
            for (int count : insert.executeBatch()) {
                created += Math.max(count, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing KPI measurements failed", e);
        }
        Log.infof("Ingested %d KPI measurements for client %s: %d created", batch.size(), tenantId, created);
        return new IngestionResult(batch.size(), created, batch.size() - created);
    }
}

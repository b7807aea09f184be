package io.bpo.reporting.ingestion;

import io.agroal.api.AgroalDataSource;
import io.bpo.kit.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/**
 * Stores records in JDBC batches, skipping those whose externalId the client already has. Native SQL here, because
 * persisting thousands of entities one by one is slow and a unique key is the only race-free duplicate check; it is
 * safe because the tenant comes from the request's bound tenant and row-level security checks every row again
 * (WITH CHECK), whatever this code writes.
 */
@ApplicationScoped
public class InteractionWriter {
    static final int CHUNK = 1000;
    private static final String INSERT = """
            insert into interactions (tenant_id, id, external_id, channel, queue, offered_at, answered_at, ended_at,
                wait_seconds, handle_seconds, abandoned, transferred, first_contact_resolution, csat, quality_score,
                agent_id, received_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (tenant_id, external_id) do nothing""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenant;

    /** @return how many of the records were stored; the others were already there */
    @Transactional(Transactional.TxType.MANDATORY)
    public int insertNew(Collection<InteractionRecord> records, Instant receivedAt) {
        String tenantId = tenant.require();
        // Inside the transaction Agroal hands out the connection the transaction enlisted, the one the tenant was
        // bound on; closing this handle does not release it.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int created = 0;
            int pending = 0;
            for (InteractionRecord record : records) {
                bind(insert, tenantId, record, receivedAt);
                insert.addBatch();
                if (++pending == CHUNK) {
                    created += inserted(insert.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                created += inserted(insert.executeBatch());
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing interaction records failed", e);
        }
    }

    private static void bind(PreparedStatement insert, String tenantId, InteractionRecord r, Instant receivedAt)
            throws SQLException {
        insert.setString(1, tenantId);
        insert.setObject(2, UUID.randomUUID());
        insert.setString(3, r.externalId());
        insert.setString(4, r.channel().name());
        text(insert, 5, r.queue());
        instant(insert, 6, r.offeredAt());
        instant(insert, 7, r.answeredAt());
        instant(insert, 8, r.endedAt());
        integer(insert, 9, r.waitSeconds());
        integer(insert, 10, r.handleSeconds());
        insert.setBoolean(11, r.abandoned());
        insert.setBoolean(12, Boolean.TRUE.equals(r.transferred()));
        bool(insert, 13, r.firstContactResolution());
        integer(insert, 14, r.csat());
        decimal(insert, 15, r.qualityScore());
        text(insert, 16, r.agentId());
        instant(insert, 17, receivedAt);
    }

    /** One count per statement: 1 stored, 0 skipped as a duplicate. */
    private static int inserted(int[] counts) {
        int sum = 0;
        for (int count : counts) {
            if (count < 0) {
                // e.g. reWriteBatchedInserts=true in the JDBC URL: the driver no longer reports per-row counts
                throw new IllegalStateException("The JDBC driver did not report row counts (" + count + ")");
            }
            sum += count;
        }
        return sum;
    }

    private static void text(PreparedStatement st, int index, String value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.VARCHAR);
        } else {
            st.setString(index, value);
        }
    }

    private static void instant(PreparedStatement st, int index, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static void integer(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    private static void bool(PreparedStatement st, int index, Boolean value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BOOLEAN);
        } else {
            st.setBoolean(index, value);
        }
    }

    private static void decimal(PreparedStatement st, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.NUMERIC);
        } else {
            st.setBigDecimal(index, value);
        }
    }
}

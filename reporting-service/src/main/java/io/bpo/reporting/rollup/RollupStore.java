package io.bpo.reporting.rollup;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code interaction_rollups}, which ingestion maintains ({@code RollupAccumulator}): a bucket and queue may
 * have several rows, one delta per batch until they are compacted, and are answered as one total. Native SQL on the
 * transaction's connection, which row-level security confines to the bound tenant; the tenant is also named in the
 * query, so a caller asking for another tenant than the bound one gets nothing rather than the bound one's rows.
 */
@ApplicationScoped
public class RollupStore implements Rollups {
    /** The queue key of records without a queue (a key column cannot be null). */
    public static final String NO_QUEUE = "";

    private static final String BUCKETS = """
            select bucket_start, queue_key, offered, answered, abandoned, transferred, answered_wait_sum,
                   answered_wait_count, answered_wait, abandoned_wait, handle_sum, handle_count, resolution,
                   fcr_resolved, fcr_known, csat_sum, csat_count, quality_sum, quality_count
            from interaction_rollups
            where tenant_id = ? and bucket_start >= ? and bucket_start < ?
              and (cardinality(?::text[]) = 0 or queue_key = any(?::text[]))
            order by bucket_start, queue_key""";
    /** By whole UTC days: the days of the range's first and last buckets included (V13). */
    private static final String LAST_INGESTED = """
            select max(last_ingested_at) from interaction_ingest_days
            where tenant_id = ? and day >= ?::date and day <= ?::date""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<BucketTotals> buckets(String tenantId, Instant from, Instant to, Set<String> queues) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BUCKETS)) {
            query.setString(1, tenantId);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            var queueArray = connection.createArrayOf("text", queues.toArray(new String[0]));
            query.setArray(4, queueArray);
            query.setArray(5, queueArray);
            List<BucketTotals> totals = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                BucketTotals last = null;
                while (rows.next()) {
                    BucketTotals delta = totals(rows);
                    // the deltas of one bucket and queue come together (ordered by both): one total for them
                    if (last != null && last.bucketStart().equals(delta.bucketStart())
                            && Objects.equals(last.queue(), delta.queue())) {
                        last = last.plus(delta);
                        totals.set(totals.size() - 1, last);
                    } else {
                        last = delta;
                        totals.add(delta);
                    }
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading rollups failed", e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> lastIngestedAt(String tenantId, Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(LAST_INGESTED)) {
            query.setString(1, tenantId);
            query.setString(2, LocalDate.ofInstant(from, ZoneOffset.UTC).toString());
            query.setString(3, LocalDate.ofInstant(to.minusNanos(1000), ZoneOffset.UTC).toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Timestamp last = rows.getTimestamp(1);
                return Optional.ofNullable(last).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading rollups failed", e);
        }
    }

    private BucketTotals totals(ResultSet rows) throws SQLException {
        String queue = rows.getString("queue_key");
        return new BucketTotals(
                rows.getTimestamp("bucket_start").toInstant(),
                NO_QUEUE.equals(queue) ? null : queue,
                rows.getLong("offered"),
                rows.getLong("answered"),
                rows.getLong("abandoned"),
                rows.getLong("transferred"),
                rows.getLong("answered_wait_sum"),
                rows.getLong("answered_wait_count"),
                SecondsDistribution.ofStored(rows.getString("answered_wait")),
                SecondsDistribution.ofStored(rows.getString("abandoned_wait")),
                rows.getLong("handle_sum"),
                rows.getLong("handle_count"),
                SecondsDistribution.ofStored(rows.getString("resolution")),
                rows.getLong("fcr_resolved"),
                rows.getLong("fcr_known"),
                rows.getLong("csat_sum"),
                rows.getLong("csat_count"),
                rows.getBigDecimal("quality_sum"),
                rows.getLong("quality_count"));
    }
}

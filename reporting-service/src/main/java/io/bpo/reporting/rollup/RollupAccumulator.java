package io.bpo.reporting.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rollup totals of the records one ingestion request stored, summed per 15-minute bucket and queue while the
 * batch streams by, then added to {@code interaction_rollups} in one statement at the end of the request's
 * transaction. Holds one entry per bucket and queue the batch touches (at most a few thousand for a month of
 * records), never the records; a batch sent in offer order touches few buckets at a time.
 */
public final class RollupAccumulator {
    static final String UPSERT = """
            insert into interaction_rollups as r (tenant_id, bucket_start, queue_key, offered, answered, abandoned,
                transferred, answered_wait_sum, answered_wait_count, answered_wait, abandoned_wait, handle_sum,
                handle_count, resolution, fcr_resolved, fcr_known, csat_sum, csat_count, quality_sum, quality_count,
                last_ingested_at)
            select ?, g.*, clock_timestamp()
            from unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::bigint[], ?::jsonb[], ?::jsonb[], ?::bigint[], ?::bigint[], ?::jsonb[], ?::bigint[],
                        ?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[], ?::bigint[]) as g
            on conflict (tenant_id, bucket_start, queue_key) do update set
                offered = r.offered + excluded.offered,
                answered = r.answered + excluded.answered,
                abandoned = r.abandoned + excluded.abandoned,
                transferred = r.transferred + excluded.transferred,
                answered_wait_sum = r.answered_wait_sum + excluded.answered_wait_sum,
                answered_wait_count = r.answered_wait_count + excluded.answered_wait_count,
                answered_wait = seconds_merge(r.answered_wait, excluded.answered_wait),
                abandoned_wait = seconds_merge(r.abandoned_wait, excluded.abandoned_wait),
                handle_sum = r.handle_sum + excluded.handle_sum,
                handle_count = r.handle_count + excluded.handle_count,
                resolution = seconds_merge(r.resolution, excluded.resolution),
                fcr_resolved = r.fcr_resolved + excluded.fcr_resolved,
                fcr_known = r.fcr_known + excluded.fcr_known,
                csat_sum = r.csat_sum + excluded.csat_sum,
                csat_count = r.csat_count + excluded.csat_count,
                quality_sum = r.quality_sum + excluded.quality_sum,
                quality_count = r.quality_count + excluded.quality_count,
                last_ingested_at = greatest(r.last_ingested_at, excluded.last_ingested_at)""";
    private static final long BUCKET_SECONDS = Rollups.BUCKET.toSeconds();

    private record Key(long bucketStart, String queue) {
    }

    private static final class Totals {
        long offered;
        long answered;
        long abandoned;
        long transferred;
        long answeredWaitSum;
        long answeredWaitCount;
        final Map<Long, Long> answeredWait = new TreeMap<>();
        final Map<Long, Long> abandonedWait = new TreeMap<>();
        long handleSum;
        long handleCount;
        final Map<Long, Long> resolution = new TreeMap<>();
        long fcrResolved;
        long fcrKnown;
        long csatSum;
        long csatCount;
        BigDecimal qualitySum = BigDecimal.ZERO;
        long qualityCount;
    }

    private final Map<Key, Totals> totals = new HashMap<>();

    /** One stored record, with the same rules as {@link BucketTotals} documents. */
    public void add(Instant offeredAt, String queue, Instant answeredAt, Instant endedAt, Integer waitSeconds,
            Integer handleSeconds, boolean abandoned, boolean transferred, Boolean firstContactResolution,
            Integer csat, BigDecimal qualityScore) {
        long bucket = Math.floorDiv(offeredAt.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS;
        Totals t = totals.computeIfAbsent(new Key(bucket, queue == null ? RollupStore.NO_QUEUE : queue),
                k -> new Totals());
        t.offered++;
        if (answeredAt != null) {
            t.answered++;
            if (waitSeconds != null) {
                t.answeredWaitSum += waitSeconds;
                t.answeredWaitCount++;
                t.answeredWait.merge((long) waitSeconds, 1L, Long::sum);
            }
        }
        if (abandoned) {
            t.abandoned++;
            if (waitSeconds != null) {
                t.abandonedWait.merge((long) waitSeconds, 1L, Long::sum);
            }
        }
        if (transferred) {
            t.transferred++;
        }
        if (handleSeconds != null) {
            t.handleSum += handleSeconds;
            t.handleCount++;
        }
        if (endedAt != null) {
            // whole seconds from offer to end, rounded down (ended is never before offered)
            t.resolution.merge(Duration.between(offeredAt, endedAt).getSeconds(), 1L, Long::sum);
        }
        if (firstContactResolution != null) {
            t.fcrKnown++;
            if (firstContactResolution) {
                t.fcrResolved++;
            }
        }
        if (csat != null) {
            t.csatSum += csat;
            t.csatCount++;
        }
        if (qualityScore != null) {
            t.qualitySum = t.qualitySum.add(qualityScore);
            t.qualityCount++;
        }
    }

    public boolean isEmpty() {
        return totals.isEmpty();
    }

    /** Adds everything accumulated to the tenant's rollups, on the transaction's connection, then forgets it. */
    public void addTo(Connection connection, String tenantId) throws SQLException {
        if (totals.isEmpty()) {
            return;
        }
        Map.Entry<Key, Totals>[] entries = totals.entrySet().toArray(new Map.Entry[0]);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            int p = 1;
            upsert.setString(p++, tenantId);
            upsert.setArray(p++, column(connection, entries, e -> Instant.ofEpochSecond(e.getKey().bucketStart())));
            upsert.setArray(p++, column(connection, entries, e -> e.getKey().queue()));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().offered));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().answered));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().abandoned));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().transferred));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().answeredWaitSum));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().answeredWaitCount));
            upsert.setArray(p++, column(connection, entries, e -> json(e.getValue().answeredWait)));
            upsert.setArray(p++, column(connection, entries, e -> json(e.getValue().abandonedWait)));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().handleSum));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().handleCount));
            upsert.setArray(p++, column(connection, entries, e -> json(e.getValue().resolution)));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().fcrResolved));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().fcrKnown));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().csatSum));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().csatCount));
            upsert.setArray(p++, column(connection, entries, e -> e.getValue().qualitySum.toPlainString()));
            upsert.setArray(p, column(connection, entries, e -> e.getValue().qualityCount));
            upsert.executeUpdate();
        }
        totals.clear();
    }

    private static java.sql.Array column(Connection connection, Map.Entry<Key, Totals>[] entries,
            Function<Map.Entry<Key, Totals>, Object> value) throws SQLException {
        String[] texts = new String[entries.length];
        for (int i = 0; i < entries.length; i++) {
            texts[i] = value.apply(entries[i]).toString();
        }
        return connection.createArrayOf("text", texts);
    }

    private static String json(Map<Long, Long> counts) {
        StringBuilder json = new StringBuilder("{");
        counts.forEach((seconds, count) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(seconds).append("\":").append(count);
        });
        return json.append('}').toString();
    }
}

package io.bpo.reporting.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The rollup totals of the records one ingestion request stored, summed per 15-minute bucket and queue while the
 * batch streams by, then appended to {@code interaction_rollups} at the end of the request's transaction, as this
 * batch's delta of each bucket and queue it touched (decision 0024). Holds one entry per bucket and queue the batch
 * touches (at most a few thousand for a month of records), never the records.
 * <p>
 * Appending, not merging: adding counts in place was cheap, but the per-second distributions are jsonb objects that
 * had to be merged key by key (about 45 microseconds each in SQL) and every touched row rewritten whole, over a
 * second for a batch spread over a month. Readers sum a bucket's deltas ({@link RollupStore}). So that they do not
 * pile up, a bucket whose deltas reach {@link #COMPACT_AT} is compacted by the batch that appends the last one (at
 * most {@link #COMPACT_AT_MOST} buckets a batch): its rows are deleted and their sum inserted as one row, in the same
 * transaction. Concurrent batches cannot lose or
 * count twice a delta: each row is deleted by one transaction only (the other one's delete skips it once the first
 * commits), and summed by the one that deleted it; a compacted row keeps the latest {@code last_ingested_at} of the
 * deltas it sums, so frozen statements see no late records where there are none.
 */
public final class RollupAccumulator {
    /** How many deltas a bucket and queue may have before the batch that appends the last one compacts them. */
    static final int COMPACT_AT = 8;
    /**
     * How many buckets one batch compacts at most (those with the most deltas first): compacting every bucket of a
     * month took 1.6 s on its own; the others stay readable as they are and are compacted by the next batches.
     */
    static final int COMPACT_AT_MOST = 2000;
    private static final String COLUMNS = """
            bucket_start, queue_key, offered, answered, abandoned, transferred, answered_wait_sum,
            answered_wait_count, answered_wait, abandoned_wait, handle_sum, handle_count, resolution, fcr_resolved,
            fcr_known, csat_sum, csat_count, quality_sum, quality_count, last_ingested_at""";
    /** Appends the deltas; answers buckets that now have {@link #COMPACT_AT} deltas or more, the most first. */
    static final String APPEND = """
            with appended as (
                insert into interaction_rollups (tenant_id, batch_id, %1$s)
                select ?, ?, g.bucket_start, g.queue_key, g.offered, g.answered, g.abandoned, g.transferred,
                       g.answered_wait_sum, g.answered_wait_count, g.answered_wait, g.abandoned_wait, g.handle_sum,
                       g.handle_count, g.resolution, g.fcr_resolved, g.fcr_known, g.csat_sum, g.csat_count,
                       g.quality_sum, g.quality_count, coalesce(g.last_ingested_at, clock_timestamp())
                from unnest(?::timestamptz[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                            ?::bigint[], ?::bigint[], ?::jsonb[], ?::jsonb[], ?::bigint[], ?::bigint[], ?::jsonb[],
                            ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[], ?::bigint[],
                            ?::timestamptz[]) as g(%1$s)
                returning bucket_start, queue_key
            )
            select r.bucket_start, r.queue_key
            from interaction_rollups r join appended a on r.bucket_start = a.bucket_start and r.queue_key = a.queue_key
            where r.tenant_id = ?
            group by r.bucket_start, r.queue_key
            having count(*) >= ?
            order by count(*) desc
            limit ?""".formatted(COLUMNS);
    /** Takes the deltas of the buckets to compact out of the table, answering what they held. */
    static final String TAKE = """
            delete from interaction_rollups r
            using unnest(?::timestamptz[], ?::text[]) as k(bucket_start, queue_key)
            where r.tenant_id = ? and r.bucket_start = k.bucket_start and r.queue_key = k.queue_key
            returning r.bucket_start, r.queue_key, r.offered, r.answered, r.abandoned, r.transferred,
                      r.answered_wait_sum, r.answered_wait_count, r.answered_wait::text, r.abandoned_wait::text,
                      r.handle_sum, r.handle_count, r.resolution::text, r.fcr_resolved, r.fcr_known, r.csat_sum,
                      r.csat_count, r.quality_sum, r.quality_count, r.last_ingested_at""";
    /** The latest ingestion of each UTC day the batch's buckets are in, which lastIngestedAt reads. */
    static final String INGEST_DAYS = """
            insert into interaction_ingest_days as d (tenant_id, day, last_ingested_at)
            select ?, k.day, clock_timestamp() from unnest(?::date[]) as k(day) order by k.day
            on conflict (tenant_id, day) do update
                set last_ingested_at = greatest(d.last_ingested_at, excluded.last_ingested_at)""";
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
        /** Null for a batch's own totals (the time they are appended); the latest of the deltas compacted. */
        Instant lastIngestedAt;
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

    /**
     * Appends everything accumulated to the tenant's rollups as the delta of batch {@code batchId}, on the
     * transaction's connection, compacts the buckets that reached {@link #COMPACT_AT} deltas, then forgets it.
     */
    public void addTo(Connection connection, String tenantId, UUID batchId) throws SQLException {
        if (totals.isEmpty()) {
            return;
        }
        List<Key> full = append(connection, tenantId, batchId, true);
        ingestDays(connection, tenantId);
        totals.clear();
        if (!full.isEmpty()) {
            compact(connection, tenantId, full);
        }
    }

    private void ingestDays(Connection connection, String tenantId) throws SQLException {
        TreeSet<String> days = new TreeSet<>();
        for (Key key : totals.keySet()) {
            days.add(LocalDate.ofEpochDay(Math.floorDiv(key.bucketStart(), 86_400L)).toString());
        }
        try (PreparedStatement upsert = connection.prepareStatement(INGEST_DAYS)) {
            upsert.setString(1, tenantId);
            upsert.setArray(2, connection.createArrayOf("text", days.toArray(new String[0])));
            upsert.executeUpdate();
        }
    }

    /** @return the buckets of the appended ones that reached {@link #COMPACT_AT} deltas, when asked to check */
    private List<Key> append(Connection connection, String tenantId, UUID batchId, boolean check)
            throws SQLException {
        List<Map.Entry<Key, Totals>> entries = List.copyOf(totals.entrySet());
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
            int p = 1;
            append.setString(p++, tenantId);
            append.setObject(p++, batchId);
            p = keys(connection, append, p, entries.stream().map(Map.Entry::getKey).toList());
            append.setArray(p++, longs(connection, entries, t -> t.offered));
            append.setArray(p++, longs(connection, entries, t -> t.answered));
            append.setArray(p++, longs(connection, entries, t -> t.abandoned));
            append.setArray(p++, longs(connection, entries, t -> t.transferred));
            append.setArray(p++, longs(connection, entries, t -> t.answeredWaitSum));
            append.setArray(p++, longs(connection, entries, t -> t.answeredWaitCount));
            append.setArray(p++, column(connection, entries, t -> json(t.answeredWait)));
            append.setArray(p++, column(connection, entries, t -> json(t.abandonedWait)));
            append.setArray(p++, longs(connection, entries, t -> t.handleSum));
            append.setArray(p++, longs(connection, entries, t -> t.handleCount));
            append.setArray(p++, column(connection, entries, t -> json(t.resolution)));
            append.setArray(p++, longs(connection, entries, t -> t.fcrResolved));
            append.setArray(p++, longs(connection, entries, t -> t.fcrKnown));
            append.setArray(p++, longs(connection, entries, t -> t.csatSum));
            append.setArray(p++, longs(connection, entries, t -> t.csatCount));
            append.setArray(p++, column(connection, entries, t -> t.qualitySum.toPlainString()));
            append.setArray(p++, longs(connection, entries, t -> t.qualityCount));
            append.setArray(p++, column(connection, entries, t -> t.lastIngestedAt));
            append.setString(p++, tenantId);
            // a compacted row is never to be compacted again by the statement that appends it
            append.setInt(p++, check ? COMPACT_AT : Integer.MAX_VALUE);
            append.setInt(p, COMPACT_AT_MOST);
            List<Key> full = new ArrayList<>();
            try (ResultSet rows = append.executeQuery()) {
                while (rows.next()) {
                    full.add(new Key(rows.getTimestamp(1).toInstant().getEpochSecond(), rows.getString(2)));
                }
            }
            return full;
        }
    }

    /** Replaces the deltas of {@code buckets} by their sum, in one row each. */
    private void compact(Connection connection, String tenantId, List<Key> buckets)
            throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            int p = keys(connection, take, 1, buckets);
            take.setString(p, tenantId);
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    Totals t = totals.computeIfAbsent(new Key(rows.getTimestamp(1).toInstant().getEpochSecond(),
                            rows.getString(2)), k -> new Totals());
                    t.offered += rows.getLong(3);
                    t.answered += rows.getLong(4);
                    t.abandoned += rows.getLong(5);
                    t.transferred += rows.getLong(6);
                    t.answeredWaitSum += rows.getLong(7);
                    t.answeredWaitCount += rows.getLong(8);
                    SecondsDistribution.addStored(rows.getString(9), t.answeredWait);
                    SecondsDistribution.addStored(rows.getString(10), t.abandonedWait);
                    t.handleSum += rows.getLong(11);
                    t.handleCount += rows.getLong(12);
                    SecondsDistribution.addStored(rows.getString(13), t.resolution);
                    t.fcrResolved += rows.getLong(14);
                    t.fcrKnown += rows.getLong(15);
                    t.csatSum += rows.getLong(16);
                    t.csatCount += rows.getLong(17);
                    t.qualitySum = t.qualitySum.add(rows.getBigDecimal(18));
                    t.qualityCount += rows.getLong(19);
                    Instant last = rows.getTimestamp(20).toInstant();
                    if (t.lastIngestedAt == null || last.isAfter(t.lastIngestedAt)) {
                        t.lastIngestedAt = last;
                    }
                }
            }
        }
        if (!totals.isEmpty()) {
            append(connection, tenantId, UUID.randomUUID(), false);
            totals.clear();
        }
    }

    /** Sets the bucket starts and queues of {@code keys} from parameter {@code p}; @return the next parameter */
    private static int keys(Connection connection, PreparedStatement statement, int p, List<Key> keys)
            throws SQLException {
        String[] starts = new String[keys.size()];
        String[] queues = new String[keys.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = Instant.ofEpochSecond(keys.get(i).bucketStart()).toString();
            queues[i] = keys.get(i).queue();
        }
        statement.setArray(p++, connection.createArrayOf("text", starts));
        statement.setArray(p++, connection.createArrayOf("text", queues));
        return p;
    }

    /** A column of counts as int8[], sent in binary: no text to print here and parse in the database. */
    private static java.sql.Array longs(Connection connection, List<Map.Entry<Key, Totals>> entries,
            ToLongFunction<Totals> value) throws SQLException {
        Long[] longs = new Long[entries.size()];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = value.applyAsLong(entries.get(i).getValue());
        }
        return connection.createArrayOf("int8", longs);
    }

    private static java.sql.Array column(Connection connection, List<Map.Entry<Key, Totals>> entries,
            Function<Totals, Object> value) throws SQLException {
        String[] texts = new String[entries.size()];
        for (int i = 0; i < texts.length; i++) {
            Object v = value.apply(entries.get(i).getValue());
            texts[i] = v == null ? null : v.toString();
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

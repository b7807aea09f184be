package io.bpo.reporting.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the SLA engine reads instead of raw records: one client's interaction totals per queue (scope item key) and
 * 15-minute UTC bucket, maintained at ingestion. Service calendars are evaluated on these bucket boundaries (their
 * opening hours are whole quarter-hours in their time zone), so a month's report reads a few thousand rows, not
 * a million records.
 */
public interface Rollups {
    /** The bucket width; bucket starts are multiples of it since the epoch. */
    Duration BUCKET = Duration.ofMinutes(15);

    /**
     * The client's totals for records offered in {@code [from, to)} (bucket-aligned), one element per bucket and
     * queue that has records, ordered by bucket start then queue. {@code queues} empty means every queue. Runs in
     * the caller's transaction, which is bound to the tenant (row-level security).
     */
    List<BucketTotals> buckets(String tenantId, Instant from, Instant to, Set<String> queues);

    /**
     * When a record offered in {@code [from, to)} was last ingested for the client, if any: a closed period compares
     * it with its own computation time to detect late records, which are then waiting for an explicit recompute.
     * Answered by whole UTC days: a record offered on the range's first or last day, even outside the range, counts.
     */
    Optional<Instant> lastIngestedAt(String tenantId, Instant from, Instant to);
}

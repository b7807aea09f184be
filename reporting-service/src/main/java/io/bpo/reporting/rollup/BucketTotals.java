package io.bpo.reporting.rollup;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Totals of one client's records offered in one 15-minute bucket for one queue: the sums every catalogue metric
 * needs, and exact per-second distributions for the metrics with a threshold (any threshold, inclusive or not,
 * is answered exactly).
 *
 * @param offered every record
 * @param answered records with answeredAt
 * @param abandoned records with abandoned = true
 * @param transferred records with transferred = true
 * @param answeredWaitSecondsSum sum of waitSeconds over answered records that have one
 * @param answeredWaitCount answered records that have a waitSeconds
 * @param answeredWait distribution of waitSeconds over answered records
 * @param abandonedWait distribution of waitSeconds over abandoned records (for short-abandon rules)
 * @param handleSecondsSum sum of handleSeconds
 * @param handleCount records with handleSeconds
 * @param resolution distribution of whole seconds from offeredAt to endedAt, over records with endedAt
 * @param fcrResolved records with firstContactResolution = true
 * @param fcrKnown records with firstContactResolution present
 * @param csatSum sum of csat
 * @param csatCount records with csat
 * @param qualitySum sum of qualityScore
 * @param qualityCount records with qualityScore
 */
public record BucketTotals(
        Instant bucketStart,
        String queue,
        long offered,
        long answered,
        long abandoned,
        long transferred,
        long answeredWaitSecondsSum,
        long answeredWaitCount,
        SecondsDistribution answeredWait,
        SecondsDistribution abandonedWait,
        long handleSecondsSum,
        long handleCount,
        SecondsDistribution resolution,
        long fcrResolved,
        long fcrKnown,
        long csatSum,
        long csatCount,
        BigDecimal qualitySum,
        long qualityCount) {

    /** The totals of this bucket and queue together with {@code other}'s (another delta of the same bucket). */
    public BucketTotals plus(BucketTotals other) {
        return new BucketTotals(bucketStart, queue, offered + other.offered, answered + other.answered,
                abandoned + other.abandoned, transferred + other.transferred,
                answeredWaitSecondsSum + other.answeredWaitSecondsSum, answeredWaitCount + other.answeredWaitCount,
                answeredWait.plus(other.answeredWait), abandonedWait.plus(other.abandonedWait),
                handleSecondsSum + other.handleSecondsSum, handleCount + other.handleCount,
                resolution.plus(other.resolution), fcrResolved + other.fcrResolved, fcrKnown + other.fcrKnown,
                csatSum + other.csatSum, csatCount + other.csatCount, qualitySum.add(other.qualitySum),
                qualityCount + other.qualityCount);
    }
}

package io.bpo.reporting.rollup;

import static io.bpo.reporting.Api.interactions;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.kit.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rollups maintained at ingestion equal the aggregate of the raw records, computed here independently, for random
 * records sent in several batches, late ones (into buckets already rolled up) and duplicates (never counted twice).
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RollupsTest {
    static final io.restassured.config.RestAssuredConfig NDJSON_AS_TEXT = io.restassured.RestAssured.config()
            .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-ndjson", io.restassured.http.ContentType.TEXT));
    static final Instant START = Instant.parse("2025-05-05T00:00:00Z");
    static final List<String> QUEUES = java.util.Arrays.asList("billing", "sales", null);

    @Inject
    Rollups rollups;

    @Inject
    AgroalDataSource dataSource;

    /** One generated record: the fields rollups read, written as NDJSON. */
    record Generated(String externalId, String queue, Instant offeredAt, Integer answeredAfter, Integer waitSec,
                     boolean abandoned, Integer handle, Integer endedAfter, boolean transferred, Boolean fcr,
                     Integer csat, BigDecimal quality) {
        String json() {
            StringBuilder j = new StringBuilder("{\"externalId\":\"").append(externalId)
                    .append("\",\"channel\":\"PHONE\",\"offeredAt\":\"").append(offeredAt).append('"');
            if (queue != null) {
                j.append(",\"queue\":\"").append(queue).append('"');
            }
            if (answeredAfter != null) {
                j.append(",\"answeredAt\":\"").append(offeredAt.plusSeconds(answeredAfter)).append('"');
            }
            if (endedAfter != null) {
                j.append(",\"endedAt\":\"").append(offeredAt.plusMillis(endedAfter * 1000L + 700)).append('"');
            }
            if (waitSec != null) {
                j.append(",\"waitSeconds\":").append(waitSec);
            }
            if (handle != null) {
                j.append(",\"handleSeconds\":").append(handle);
            }
            j.append(",\"abandoned\":").append(abandoned).append(",\"transferred\":").append(transferred);
            if (fcr != null) {
                j.append(",\"firstContactResolution\":").append(fcr);
            }
            if (csat != null) {
                j.append(",\"csat\":").append(csat);
            }
            if (quality != null) {
                j.append(",\"qualityScore\":").append(quality.toPlainString());
            }
            return j.append('}').toString();
        }
    }

    static Generated random(Random random, String externalId, Instant from, Duration span) {
        Instant offered = from.plusSeconds(random.nextInt((int) span.toSeconds()));
        boolean abandoned = random.nextInt(5) == 0;
        Integer wait = random.nextInt(10) == 0 ? null : random.nextInt(120);
        Integer answeredAfter = abandoned ? null : (wait == null ? random.nextInt(60) : wait);
        Integer handle = abandoned || random.nextBoolean() ? null : random.nextInt(900);
        Integer ended = random.nextInt(4) == 0 ? null : random.nextInt(1200);
        return new Generated(externalId, QUEUES.get(random.nextInt(QUEUES.size())), offered, answeredAfter, wait,
                abandoned, handle, ended, random.nextInt(7) == 0,
                random.nextInt(3) == 0 ? null : random.nextBoolean(),
                random.nextInt(3) == 0 ? null : 1 + random.nextInt(5),
                random.nextInt(3) == 0 ? null : BigDecimal.valueOf(random.nextInt(10001), 2));
    }

    @Test
    void rollupsEqualTheRawAggregateWithLateAndDuplicateRecords() {
        String client = "roll-random";
        Random random = new Random(20260523L);
        Map<String, Generated> firstOfEach = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        // three batches over two days; the third is late (back into the first day) and repeats earlier ids
        for (int batch = 0; batch < 3; batch++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 1500; i++) {
                Generated g;
                if (batch == 2 && i % 5 == 0) {
                    // a duplicate with other values: must not change anything
                    Generated earlier = firstOfEach.get(sent.get(random.nextInt(sent.size())));
                    g = random(random, earlier.externalId(), START, Duration.ofDays(1));
                } else {
                    Instant from = batch == 1 ? START.plus(Duration.ofDays(1)) : START;
                    g = random(random, "r-" + batch + "-" + i, from, Duration.ofDays(1));
                }
                if (firstOfEach.putIfAbsent(g.externalId(), g) == null) {
                    sent.add(g.externalId());
                }
                body.append(g.json()).append('\n');
            }
            given().auth().oauth2(Tokens.token("ingest-roll", "reporting-ingest", client))
                    .config(NDJSON_AS_TEXT).contentType("application/x-ndjson").body(body.toString()).post(interactions(client))
                    .then().statusCode(200);
        }

        assertRollupsEqual(client, firstOfEach.values(), START, START.plus(Duration.ofDays(2)));
    }

    /**
     * Each batch appends its own delta of every bucket it touches; a bucket's deltas are compacted into one row by
     * the batch that brings them to {@code COMPACT_AT}. Totals are the same before and after, including with batches
     * sent concurrently, and no bucket keeps piling up rows.
     */
    @Test
    void deltasOfABucketAreCompactedWithoutChangingItsTotals() throws Exception {
        String client = "roll-compact";
        Random random = new Random(20261123L);
        Map<String, Generated> sent = new LinkedHashMap<>();
        int batches = RollupAccumulator.COMPACT_AT + 5;
        List<String> bodies = new ArrayList<>();
        for (int batch = 0; batch < batches; batch++) {
            StringBuilder body = new StringBuilder();
            // every batch touches every bucket and queue of the two hours, and some at random
            for (int bucket = 0; bucket < 8; bucket++) {
                for (String queue : QUEUES) {
                    Generated g = random(random, "c-" + batch + "-" + bucket + "-" + queue, START,
                            Duration.ofSeconds(1));
                    g = new Generated(g.externalId(), queue, START.plusSeconds(bucket * 900L + random.nextInt(900)),
                            g.answeredAfter(), g.waitSec(), g.abandoned(), g.handle(), g.endedAfter(),
                            g.transferred(), g.fcr(), g.csat(), g.quality());
                    sent.put(g.externalId(), g);
                    body.append(g.json()).append('\n');
                }
            }
            for (int i = 0; i < 20; i++) {
                Generated g = random(random, "c-" + batch + "-r" + i, START, Duration.ofHours(2));
                sent.put(g.externalId(), g);
                body.append(g.json()).append('\n');
            }
            bodies.add(body.toString());
        }
        String token = Tokens.token("ingest-rc", "reporting-ingest", client);
        // the first ones one after the other, then four at once, then the last one alone
        for (String body : bodies.subList(0, batches - 5)) {
            ingest(client, token, body);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> concurrent = new ArrayList<>();
            for (String body : bodies.subList(batches - 5, batches - 1)) {
                concurrent.add(pool.submit(() -> ingest(client, token, body)));
            }
            for (Future<?> f : concurrent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ingest(client, token, bodies.get(batches - 1));

        assertRollupsEqual(client, sent.values(), START, START.plus(Duration.ofHours(2)));
        // the last batch touched every bucket and queue after all the others had committed: each one has fewer
        // deltas than would trigger a compaction (without compactions each would have one per batch)
        Map<String, Long> rows = inTenant(client, () -> deltasPerBucket(client));
        assertEquals(8 * QUEUES.size(), rows.size(), rows.toString());
        assertTrue(rows.values().stream().allMatch(n -> n >= 1 && n < RollupAccumulator.COMPACT_AT), rows.toString());
    }

    private static void ingest(String client, String token, String body) {
        given().auth().oauth2(token).config(NDJSON_AS_TEXT).contentType("application/x-ndjson").body(body)
                .post(interactions(client)).then().statusCode(200);
    }

    /** Rows per bucket and queue, as the application reads them (row-level security on). */
    private Map<String, Long> deltasPerBucket(String client) {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select bucket_start, queue_key, count(*)"
                        + " from interaction_rollups where tenant_id = ? group by 1, 2")) {
            query.setString(1, client);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getTimestamp(1).toInstant() + "|" + result.getString(2), result.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private void assertRollupsEqual(String client, Iterable<Generated> records, Instant from, Instant to) {
        Map<String, BucketTotals> expected = expected(records);
        List<BucketTotals> actual = inTenant(client, () -> rollups.buckets(client, from, to, Set.of()));
        assertEquals(expected.size(), actual.size());
        Map<String, BucketTotals> byKey = new TreeMap<>();
        actual.forEach(t -> byKey.put(t.bucketStart() + "|" + t.queue(), t));
        for (Map.Entry<String, BucketTotals> e : expected.entrySet()) {
            BucketTotals a = byKey.get(e.getKey());
            BucketTotals x = e.getValue();
            assertEquals(x.offered(), a.offered(), e.getKey());
            assertEquals(x.answered(), a.answered(), e.getKey());
            assertEquals(x.abandoned(), a.abandoned(), e.getKey());
            assertEquals(x.transferred(), a.transferred(), e.getKey());
            assertEquals(x.answeredWaitSecondsSum(), a.answeredWaitSecondsSum(), e.getKey());
            assertEquals(x.answeredWaitCount(), a.answeredWaitCount(), e.getKey());
            assertEquals(x.answeredWait(), a.answeredWait(), e.getKey());
            assertEquals(x.abandonedWait(), a.abandonedWait(), e.getKey());
            assertEquals(x.handleSecondsSum(), a.handleSecondsSum(), e.getKey());
            assertEquals(x.handleCount(), a.handleCount(), e.getKey());
            assertEquals(x.resolution(), a.resolution(), e.getKey());
            assertEquals(x.fcrResolved(), a.fcrResolved(), e.getKey());
            assertEquals(x.fcrKnown(), a.fcrKnown(), e.getKey());
            assertEquals(x.csatSum(), a.csatSum(), e.getKey());
            assertEquals(x.csatCount(), a.csatCount(), e.getKey());
            assertEquals(0, x.qualitySum().compareTo(a.qualitySum()), e.getKey());
            assertEquals(x.qualityCount(), a.qualityCount(), e.getKey());
        }
        long total = actual.stream().mapToLong(BucketTotals::offered).sum();
        int count = 0;
        for (Generated ignored : records) {
            count++;
        }
        assertEquals(count, total);
    }

    @Test
    void queuesFilterAndLastIngestedAt() {
        String client = "roll-filter";
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(Tokens.token("ingest-rf", "reporting-ingest", client))
                .config(NDJSON_AS_TEXT).contentType("application/x-ndjson")
                .body("{\"externalId\":\"f-1\",\"channel\":\"PHONE\",\"queue\":\"billing\",\"offeredAt\":\""
                        + START + "\",\"abandoned\":true}\n{\"externalId\":\"f-2\",\"channel\":\"PHONE\","
                        + "\"queue\":\"sales\",\"offeredAt\":\"" + START.plusSeconds(901) + "\",\"abandoned\":true}")
                .post(interactions(client)).then().statusCode(200).body("created", equalTo(2));
        List<BucketTotals> billing = inTenant(client, () -> rollups.buckets(client, START, START.plusSeconds(3600),
                Set.of("billing")));
        assertEquals(1, billing.size());
        assertEquals(START, billing.get(0).bucketStart());
        List<BucketTotals> all = inTenant(client, () -> rollups.buckets(client, START, START.plusSeconds(3600),
                Set.of()));
        assertEquals(List.of(START, START.plusSeconds(900)), all.stream().map(BucketTotals::bucketStart).toList());
        Optional<Instant> last = inTenant(client, () -> rollups.lastIngestedAt(client, START,
                START.plusSeconds(3600)));
        assertTrue(last.isPresent() && last.get().isAfter(before), String.valueOf(last));
        assertEquals(Optional.empty(), inTenant(client, () -> rollups.lastIngestedAt(client,
                START.minusSeconds(7200), START)));
        // another tenant's rollups are invisible even when asked for by name
        assertEquals(List.of(), inTenant("roll-other", () -> rollups.buckets(client, START, START.plusSeconds(3600),
                Set.of())));
    }

    private static <T> T inTenant(String tenant, Supplier<T> work) {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(TenantContext.class).get().bind(tenant);
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            requestContext.terminate();
        }
    }

    /** The totals per bucket and queue, computed from the records as sent (the first of each externalId). */
    static Map<String, BucketTotals> expected(Iterable<Generated> records) {
        Map<String, List<Generated>> groups = new TreeMap<>();
        for (Generated g : records) {
            Instant bucket = Instant.ofEpochSecond(g.offeredAt().getEpochSecond() / 900 * 900);
            groups.computeIfAbsent(bucket + "|" + g.queue(), k -> new ArrayList<>()).add(g);
        }
        Map<String, BucketTotals> totals = new TreeMap<>();
        for (Map.Entry<String, List<Generated>> e : groups.entrySet()) {
            List<Generated> gs = e.getValue();
            Generated first = gs.get(0);
            TreeMap<Long, Long> answeredWait = new TreeMap<>();
            TreeMap<Long, Long> abandonedWait = new TreeMap<>();
            TreeMap<Long, Long> resolution = new TreeMap<>();
            long answered = 0;
            long abandoned = 0;
            long transferred = 0;
            long waitSum = 0;
            long waitCount = 0;
            long handleSum = 0;
            long handleCount = 0;
            long fcrResolved = 0;
            long fcrKnown = 0;
            long csatSum = 0;
            long csatCount = 0;
            BigDecimal qualitySum = BigDecimal.ZERO;
            long qualityCount = 0;
            for (Generated g : gs) {
                if (g.answeredAfter() != null) {
                    answered++;
                    if (g.waitSec() != null) {
                        waitSum += g.waitSec();
                        waitCount++;
                        answeredWait.merge((long) g.waitSec(), 1L, Long::sum);
                    }
                }
                if (g.abandoned()) {
                    abandoned++;
                    if (g.waitSec() != null) {
                        abandonedWait.merge((long) g.waitSec(), 1L, Long::sum);
                    }
                }
                if (g.transferred()) {
                    transferred++;
                }
                if (g.handle() != null) {
                    handleSum += g.handle();
                    handleCount++;
                }
                if (g.endedAfter() != null) {
                    // ended 0.7 s after the whole second: the distribution counts whole seconds
                    resolution.merge((long) g.endedAfter(), 1L, Long::sum);
                }
                if (g.fcr() != null) {
                    fcrKnown++;
                    fcrResolved += g.fcr() ? 1 : 0;
                }
                if (g.csat() != null) {
                    csatSum += g.csat();
                    csatCount++;
                }
                if (g.quality() != null) {
                    qualitySum = qualitySum.add(g.quality());
                    qualityCount++;
                }
            }
            totals.put(e.getKey(), new BucketTotals(Instant.ofEpochSecond(first.offeredAt().getEpochSecond() / 900 * 900),
                    first.queue(), gs.size(), answered, abandoned, transferred, waitSum, waitCount,
                    distribution(answeredWait), distribution(abandonedWait), handleSum, handleCount,
                    distribution(resolution), fcrResolved, fcrKnown, csatSum, csatCount, qualitySum, qualityCount));
        }
        return totals;
    }

    static SecondsDistribution distribution(TreeMap<Long, Long> counts) {
        return new SecondsDistribution(counts.keySet().stream().mapToLong(Long::longValue).toArray(),
                counts.values().stream().mapToLong(Long::longValue).toArray());
    }
}

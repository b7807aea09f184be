package io.bpo.reporting.rollup;

import static io.bpo.reporting.Api.interactions;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.tenancy.TenantContext;
import io.bpo.kit.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rollups maintained at ingestion equal the aggregate of the raw records, computed here independently, for random
 * records sent in several batches, late ones (into buckets already rolled up) and duplicates (never counted twice).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RollupsTest {
    static final io.restassured.config.RestAssuredConfig NDJSON_AS_TEXT = io.restassured.RestAssured.config()
            .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-ndjson", io.restassured.http.ContentType.TEXT));
    static final Instant START = Instant.parse("2025-05-05T00:00:00Z");
    static final List<String> QUEUES = java.util.Arrays.asList("billing", "sales", null);

    @Inject
    Rollups rollups;

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

        Map<String, BucketTotals> expected = expected(firstOfEach.values());
        List<BucketTotals> actual = inTenant(client, () -> rollups.buckets(client, START,
                START.plus(Duration.ofDays(2)), Set.of()));
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
        assertEquals(firstOfEach.size(), total);
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

package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The group-commit writer alone, with a fake database. */
class GroupCommitterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FakeDatabase database = new FakeDatabase();
    private GroupCommitter committer;

    @AfterEach
    void stop() {
        database.releaseAll();
        if (committer != null) {
            committer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aLoneEntryIsCommittedAtOnceInABatchOfItsOwn() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000, registry);
        long start = System.nanoTime();
        committer.submit(entry("lone")).get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(List.of(List.of("lone")), database.batches());
        // no timer waits for company: the only wait is the (here instant) write
        assertTrue(millis < 1000, "a lone entry took " + millis + " ms");
        assertEquals(0, committer.pending());
    }

    @Test
    void withEntriesOnTheirWayTheBatchIsHeldOpenForThemAndCommittedOnceTheLastArrives() throws Exception {
        AtomicInteger onTheirWay = new AtomicInteger(3);
        // a window far longer than the test: only the arrival of the last expected entry may end the wait
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000,
                Duration.ofSeconds(60), 1, onTheirWay::get, registry);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (String id : List.of("g-1", "g-2", "g-3")) {
            onTheirWay.decrementAndGet();
            done.add(committer.submit(entry(id)));
            if (onTheirWay.get() > 0) {
                Thread.sleep(50);
                assertTrue(done.stream().noneMatch(CompletableFuture::isDone), "committed before " + id
                        + "'s companions arrived");
            }
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(List.of("g-1", "g-2", "g-3")), database.batches(), "one commit for the three");
    }

    @Test
    void withNothingOnItsWayALoneEntryIsNotHeldByTheGatherWindow() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000,
                Duration.ofSeconds(60), 1, () -> 0, registry);
        committer.submit(entry("alone")).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(List.of("alone")), database.batches());
    }

    @Test
    void withFewerEntriesOnTheirWayThanTheSiblingsThresholdNothingIsHeld() throws Exception {
        // three requests in flight, threshold four: not busy enough to wait for them, even with a long window
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000,
                Duration.ofSeconds(60), 4, () -> 3, registry);
        committer.submit(entry("quiet")).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(List.of("quiet")), database.batches());
    }

    @Test
    void theGatherWindowBoundsTheWaitForEntriesThatNeverCome() throws Exception {
        // a request counted as on its way that never logs (e.g. its count leaked): the window still ends the wait
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000,
                Duration.ofMillis(200), 1, () -> 1, registry);
        committer.submit(entry("waited")).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(List.of("waited")), database.batches());
    }

    @Test
    void aFullBatchIsNotHeldByTheGatherWindow() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 2, 1000,
                Duration.ofSeconds(60), 1, () -> 100, registry);
        database.holdNextWrite();
        CompletableFuture<Void> first = committer.submit(entry("f-0"));
        // f-0 may be gathered with company: give the writer company, then let it go
        CompletableFuture<Void> second = committer.submit(entry("f-1"));
        database.awaitHeldWrite();
        database.release();
        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(List.of("f-0", "f-1")), database.batches(), "the batch was full: written at once");
    }

    @Test
    void aNegativeGatherWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommitter(database,
                AccessLogRepository::isEntryError, 256, 1000, Duration.ofMillis(-1), 1, () -> 0, registry));
        assertThrows(IllegalArgumentException.class, () -> new GroupCommitter(database,
                AccessLogRepository::isEntryError, 256, 1000, Duration.ofMillis(1), 0, () -> 0, registry));
    }

    @Test
    void aBacklogIsWrittenInBatchesOfAtMostTheMaximumInQueueOrder() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000, registry);
        database.holdNextWrite();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<String> queued = new ArrayList<>();
        done.add(committer.submit(entry("r-000")));
        queued.add("r-000");
        database.awaitHeldWrite();
        for (int i = 1; i <= 600; i++) {
            String id = "r-%03d".formatted(i);
            queued.add(id);
            done.add(committer.submit(entry(id)));
        }
        assertEquals(601, committer.pending());
        assertTrue(done.stream().noneMatch(CompletableFuture::isDone), "answered before the commit");

        database.release();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(1, 256, 256, 88), database.batches().stream().map(List::size).toList());
        assertEquals(queued, database.batches().stream().flatMap(List::stream).toList());
        DistributionSummary sizes = registry.get(GroupCommitter.BATCH_SIZE_METRIC).summary();
        assertEquals(4, sizes.count());
        assertEquals(601.0, sizes.totalAmount());
        assertEquals(256.0, sizes.max());
        Timer commits = registry.get(GroupCommitter.COMMIT_METRIC).tag("outcome", "committed").timer();
        assertEquals(4, commits.count());
        assertEquals(0, committer.pending());
    }

    @Test
    void underConcurrencyEachEntryCompletesOnlyAfterItsOwnCommitAndEachProducerKeepsItsOrder() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 64, 100_000, registry);
        database.slowWrites(Duration.ofMillis(2));
        int producers = 8;
        int perProducer = 500;
        Set<String> early = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> done = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(started(() -> {
                await(go);
                for (int i = 0; i < perProducer; i++) {
                    String id = "p%d-%04d".formatted(producer, i);
                    done.add(committer.submit(entry(id)).whenComplete((ok, failure) -> {
                        if (!database.committed(id)) {
                            early.add(id);
                        }
                    }));
                }
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertEquals(Set.of(), early, "completed before their batch was committed");
        List<String> written = database.batches().stream().flatMap(List::stream).toList();
        assertEquals(producers * perProducer, written.size());
        for (int p = 0; p < producers; p++) {
            String prefix = "p" + p + "-";
            List<String> own = written.stream().filter(id -> id.startsWith(prefix)).toList();
            assertEquals(own.stream().sorted().toList(), own, "producer " + p + " out of order");
        }
        assertTrue(database.batches().stream().allMatch(batch -> batch.size() <= 64));
        assertTrue(database.batches().size() < producers * perProducer, "no batch held more than one entry");
    }

    @Test
    void aFailedBatchFailsEachOfItsEntriesAndTheWriterGoesOn() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000, registry);
        database.holdNextWrite();
        CompletableFuture<Void> first = committer.submit(entry("first"));
        database.awaitHeldWrite();
        SQLException lost = new SQLException("connection lost (simulated)", "08006");
        database.failNextWrite(lost);
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(committer.submit(entry("doomed-" + i)));
        }
        database.release();

        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Void> doomed : batch) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> doomed.get(5, TimeUnit.SECONDS));
            assertSame(lost, failure.getCause());
        }
        committer.submit(entry("later")).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("first"), List.of("later")), database.committedBatches());
        assertEquals(1, registry.get(GroupCommitter.COMMIT_METRIC).tag("outcome", "failed").timer().count());
    }

    @Test
    void anEntryTheDatabaseRefusesIsIsolatedAndItsNeighboursAreWritten() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000, registry);
        database.refuse("bad");
        database.holdNextWrite();
        CompletableFuture<Void> first = committer.submit(entry("first"));
        database.awaitHeldWrite();
        CompletableFuture<Void> before = committer.submit(entry("before"));
        CompletableFuture<Void> bad = committer.submit(entry("bad"));
        CompletableFuture<Void> after = committer.submit(entry("after"));
        database.release();

        first.get(5, TimeUnit.SECONDS);
        before.get(5, TimeUnit.SECONDS);
        after.get(5, TimeUnit.SECONDS);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
        assertEquals("23514", ((SQLException) refused.getCause()).getSQLState());
        assertEquals(List.of(List.of("first"), List.of("before"), List.of("after")), database.committedBatches());
    }

    @Test
    void theWriterSurvivesAnUnexpectedError() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000, registry);
        database.failNextWrite(new StackOverflowError("simulated"));
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> committer.submit(entry("unlucky")).get(5, TimeUnit.SECONDS));
        assertInstanceOf(StackOverflowError.class, failure.getCause());

        committer.submit(entry("next")).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("next")), database.committedBatches());
    }

    @Test
    void closeFlushesWhatIsQueuedThenRefusesNewEntries() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 1000, registry);
        database.holdNextWrite();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        done.add(committer.submit(entry("e-0")));
        database.awaitHeldWrite();
        for (int i = 1; i < 100; i++) {
            done.add(committer.submit(entry("e-" + i)));
        }
        Thread closing = started(() -> committer.close(Duration.ofSeconds(10)));
        closing.join(200);
        assertTrue(closing.isAlive(), "close returned while entries were still queued");

        database.release();
        closing.join(10_000);
        assertFalse(closing.isAlive());
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
        assertEquals(100, database.committedBatches().stream().mapToInt(List::size).sum());
        assertTrue(committer.stopped());

        CompletableFuture<Void> late = committer.submit(entry("late"));
        assertTrue(late.isCompletedExceptionally(), "an entry after close must be refused at once");
        assertInstanceOf(RejectedExecutionException.class,
                assertThrows(ExecutionException.class, late::get).getCause());
    }

    @Test
    void closeGivesUpAfterItsTimeoutAndFailsWhatIsStillQueued() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 1, 1000, registry);
        database.holdNextWrite();
        CompletableFuture<Void> stuck = committer.submit(entry("stuck"));
        database.awaitHeldWrite();
        CompletableFuture<Void> queued1 = committer.submit(entry("queued-1"));
        CompletableFuture<Void> queued2 = committer.submit(entry("queued-2"));

        committer.close(Duration.ofMillis(200));

        assertInstanceOf(RejectedExecutionException.class,
                assertThrows(ExecutionException.class, () -> queued1.get(1, TimeUnit.SECONDS)).getCause());
        assertInstanceOf(RejectedExecutionException.class,
                assertThrows(ExecutionException.class, () -> queued2.get(1, TimeUnit.SECONDS)).getCause());
        assertFalse(stuck.isDone(), "the entry being written is neither committed nor failed yet");
        database.release();
        stuck.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        committer = new GroupCommitter(database, AccessLogRepository::isEntryError, 256, 3, registry);
        database.holdNextWrite();
        CompletableFuture<Void> inFlight = committer.submit(entry("in-flight"));
        database.awaitHeldWrite();
        List<CompletableFuture<Void>> queued = List.of(committer.submit(entry("q-1")),
                committer.submit(entry("q-2")), committer.submit(entry("q-3")));
        CompletableFuture<Void> overflow = committer.submit(entry("overflow"));

        assertTrue(overflow.isCompletedExceptionally());
        assertEquals(1.0, registry.get(GroupCommitter.REJECTED_METRIC).tag("reason", "queue-full").counter().count());
        database.release();
        inFlight.get(5, TimeUnit.SECONDS);
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void entryErrorsAreDataAndConstraintErrorsOnly() {
        assertTrue(AccessLogRepository.isEntryError(new SQLException("check", "23514")));
        assertTrue(AccessLogRepository.isEntryError(new SQLException("zero byte", "22021")));
        SQLException batch = new java.sql.BatchUpdateException("batch entry 3 was aborted", "23505", new int[0]);
        assertTrue(AccessLogRepository.isEntryError(new IllegalStateException(batch)));
        assertFalse(AccessLogRepository.isEntryError(new SQLException("connection lost", "08006")));
        assertFalse(AccessLogRepository.isEntryError(new SQLException("shutting down", "57P01")));
        assertFalse(AccessLogRepository.isEntryError(new SQLException("no state")));
        assertFalse(AccessLogRepository.isEntryError(new RuntimeException("not SQL")));
    }

    @Test
    void nonsensicalSizesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new GroupCommitter(database, t -> false, 0, 10, registry));
        assertThrows(IllegalArgumentException.class,
                () -> new GroupCommitter(database, t -> false, 10, 0, registry));
    }

    static AccessLogEntry entry(String requestId) {
        return new AccessLogEntry(UUID.randomUUID(), Instant.now(), requestId, "subject", "user", List.of("agent"),
                "acme", "contracts", "GET", "/api/v1/clients/acme/contracts", 200, AccessOutcome.ALLOWED, null,
                "127.0.0.1", "test", 1);
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records every batch it is given; can hold a write, fail one, refuse an entry, or be slow. */
    static final class FakeDatabase implements GroupCommitter.BatchWriter {

        private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        private final List<List<String>> committedBatches = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> committed = ConcurrentHashMap.newKeySet();
        private final AtomicInteger held = new AtomicInteger();
        private volatile CountDownLatch entered = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(0);
        private volatile Throwable nextFailure;
        private volatile String refused;
        private volatile Duration delay = Duration.ZERO;

        @Override
        public void write(List<AccessLogEntry> batch) throws Exception {
            List<String> ids = batch.stream().map(AccessLogEntry::requestId).toList();
            batches.add(ids);
            // a failure set while this write is held is for the next one
            Throwable failure = nextFailure;
            nextFailure = null;
            if (held.getAndSet(0) > 0) {
                entered.countDown();
                await(release);
            }
            if (failure != null) {
                if (failure instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) failure;
            }
            if (refused != null && ids.contains(refused)) {
                throw new SQLException("new row violates check constraint (simulated)", "23514");
            }
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            committed.addAll(ids);
            committedBatches.add(ids);
        }

        void holdNextWrite() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
            held.set(1);
        }

        void awaitHeldWrite() {
            GroupCommitterTest.await(entered);
        }

        void release() {
            release.countDown();
        }

        void releaseAll() {
            release.countDown();
        }

        void failNextWrite(Throwable failure) {
            nextFailure = failure;
        }

        void refuse(String requestId) {
            refused = requestId;
        }

        void slowWrites(Duration delay) {
            this.delay = delay;
        }

        boolean committed(String requestId) {
            return committed.contains(requestId);
        }

        List<List<String>> batches() {
            synchronized (batches) {
                return List.copyOf(batches);
            }
        }

        List<List<String>> committedBatches() {
            synchronized (committedBatches) {
                return List.copyOf(committedBatches);
            }
        }
    }
}

package io.bpo.gateway.accesslog;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Group commit for the access log: callers queue entries, one writer thread takes everything pending (at most
 * {@code maxBatchSize} entries), writes it in one transaction, and only then completes each entry's future.
 * <p>
 * <b>Batches form by themselves.</b> An idle writer waits on the queue and wakes for the first entry, so a lone
 * entry is written at once; while a batch is being committed the next entries queue up and the following batch
 * takes them together.
 * <p>
 * <b>Gathering.</b> Under load a batch may also be held open for at most {@code gatherWindow}, but only when
 * {@code producers} says that at least {@code gatherSiblings} entries are on their way (requests in flight that
 * have not queued theirs yet), and only while some still are: the
 * writer then commits once for them all instead of once for each few, which is what a saturated machine needs
 * (PostgreSQL's {@code commit_delay} with {@code commit_siblings}, decision 0021). The wait ends as soon as every
 * expected entry has arrived or the batch is full. With nothing in flight, a lone entry is written at once.
 * <p>
 * <b>Order.</b> The queue is FIFO and there is a single writer, which writes a batch in queue order and commits
 * it before it takes the next one: entries reach the table in the order they were queued, within and across
 * batches.
 * <p>
 * <b>Failure.</b> When a batch cannot be committed every entry in it fails (its caller withholds the answer),
 * and the writer goes on with the next batch. When the failure is an entry's own data ({@code entryError}), the
 * database rejected the statement and nothing was committed, so the entries are retried one per transaction:
 * one bad entry does not withhold its neighbours' answers.
 * <p>
 * <b>Callers never wait.</b> {@link #submit} holds a lock only to append to an in-memory queue (no I/O); a full
 * queue or a stopped writer fails the entry at once. The futures are completed on the writer thread: callbacks
 * must be short and must not block (the gateway hops back to the request's Vert.x context).
 * <p>
 * <b>Stop.</b> {@link #close} refuses new entries, lets the writer flush everything already queued, and waits
 * for it up to a timeout; whatever is still queued then fails.
 */
final class GroupCommitter {

    /** Writes and commits a batch in one transaction; returns only once it is durable. */
    @FunctionalInterface
    interface BatchWriter {
        void write(List<AccessLogEntry> batch) throws Exception;
    }

    static final String BATCH_SIZE_METRIC = "bpo.accesslog.batch.size";
    static final String COMMIT_METRIC = "bpo.accesslog.commit";
    static final String PENDING_METRIC = "bpo.accesslog.pending";
    static final String REJECTED_METRIC = "bpo.accesslog.rejected";

    private static final Logger LOG = Logger.getLogger(GroupCommitter.class);

    private final BatchWriter writer;
    private final Predicate<Throwable> entryError;
    private final int maxBatchSize;
    private final int queueCapacity;
    private final long gatherNanos;
    private final int gatherSiblings;
    private final IntSupplier producers;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** Entries accepted and not yet completed: queued plus the batch being written. */
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread thread;

    private final DistributionSummary batchSize;
    private final Timer committed;
    private final Timer failed;
    private final Counter rejectedFull;
    private final Counter rejectedStopped;

    private record Pending(AccessLogEntry entry, CompletableFuture<Void> done) {
    }

    /**
     * @param entryError true for a failure caused by one entry's data (the statement was rejected, nothing was
     *        committed): the batch is then retried one entry per transaction
     */
    GroupCommitter(BatchWriter writer, Predicate<Throwable> entryError, int maxBatchSize, int queueCapacity,
            MeterRegistry registry) {
        this(writer, entryError, maxBatchSize, queueCapacity, Duration.ZERO, 1, () -> 0, registry);
    }

    /**
     * @param gatherWindow longest a batch is held open for entries on their way; zero never holds one
     * @param gatherSiblings fewest entries on their way for a batch to be held open at all: below it, the gateway
     *        is not busy enough for the wait to pay (PostgreSQL's commit_siblings)
     * @param producers how many entries are on their way (requests in flight that have not queued theirs yet);
     *        read under the queue's lock, so it must be cheap and must not block
     */
    GroupCommitter(BatchWriter writer, Predicate<Throwable> entryError, int maxBatchSize, int queueCapacity,
            Duration gatherWindow, int gatherSiblings, IntSupplier producers, MeterRegistry registry) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("max batch size must be at least 1, got " + maxBatchSize);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, got " + queueCapacity);
        }
        this.writer = writer;
        this.entryError = entryError;
        this.maxBatchSize = maxBatchSize;
        this.queueCapacity = queueCapacity;
        if (gatherWindow.isNegative()) {
            throw new IllegalArgumentException("gather window must not be negative, got " + gatherWindow);
        }
        this.gatherNanos = gatherWindow.toNanos();
        if (gatherSiblings < 1) {
            throw new IllegalArgumentException("gather siblings must be at least 1, got " + gatherSiblings);
        }
        this.gatherSiblings = gatherSiblings;
        this.producers = producers;
        this.batchSize = DistributionSummary.builder(BATCH_SIZE_METRIC)
                .description("Access-log entries written per transaction (group commit)")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue((double) maxBatchSize)
                .register(registry);
        this.committed = commitTimer(registry, "committed");
        this.failed = commitTimer(registry, "failed");
        this.rejectedFull = rejected(registry, "queue-full");
        this.rejectedStopped = rejected(registry, "stopped");
        Gauge.builder(PENDING_METRIC, pending, AtomicInteger::get)
                .description("Access-log entries accepted and not yet committed (their answers are waiting)")
                .register(registry);
        this.thread = new Thread(this::run, "access-log-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private static Timer commitTimer(MeterRegistry registry, String outcome) {
        return Timer.builder(COMMIT_METRIC)
                .description("Time to insert and commit one batch of access-log entries")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    private static Counter rejected(MeterRegistry registry, String reason) {
        return Counter.builder(REJECTED_METRIC)
                .description("Access-log entries refused without being queued (their answers are withheld)")
                .tag("reason", reason)
                .register(registry);
    }

    /**
     * Queues the entry. The future completes once the entry is committed, or fails if it could not be (its
     * batch failed, the queue is full, the writer is stopped). Never blocks on I/O.
     */
    CompletableFuture<Void> submit(AccessLogEntry entry) {
        Pending item = new Pending(entry, new CompletableFuture<>());
        lock.lock();
        try {
            if (closed) {
                rejectedStopped.increment();
                return CompletableFuture.failedFuture(
                        new RejectedExecutionException("the access-log writer is stopped"));
            }
            if (queue.size() >= queueCapacity) {
                rejectedFull.increment();
                return CompletableFuture.failedFuture(new RejectedExecutionException(
                        "the access-log queue is full (" + queueCapacity + " entries waiting for the database)"));
            }
            boolean wasEmpty = queue.isEmpty();
            queue.addLast(item);
            pending.incrementAndGet();
            // the writer waits either for a first entry, or (gathering) for the last expected one or a full batch
            if (wasEmpty || queue.size() >= maxBatchSize || gatherNanos > 0 && producers.getAsInt() <= 0) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
        return item.done();
    }

    /** Entries accepted and not yet completed. */
    int pending() {
        return pending.get();
    }

    /** Flushes what is queued, then stops the writer; waits at most {@code timeout}. Only the first call acts. */
    void close(Duration timeout) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            return;
        }
        List<Pending> abandoned = new ArrayList<>();
        lock.lock();
        try {
            abandoned.addAll(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        LOG.errorf("the access-log writer did not finish within %s; %d queued entries were not written (their "
                + "answers are withheld)", timeout, abandoned.size());
        RejectedExecutionException stopped = new RejectedExecutionException(
                "the access-log writer stopped before the entry was written");
        for (Pending item : abandoned) {
            fail(item, stopped);
        }
    }

    boolean stopped() {
        return !thread.isAlive();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(Math.min(maxBatchSize, 1024));
        while (true) {
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    notEmpty.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    LOG.debug("access-log writer stopped; nothing left to write");
                    return;
                }
                gather();
                while (batch.size() < maxBatchSize && !queue.isEmpty()) {
                    batch.add(queue.pollFirst());
                }
            } finally {
                lock.unlock();
            }
            try {
                commit(batch);
            } catch (Throwable unexpected) {
                // commit completes every future itself; this only keeps the writer alive whatever happens
                LOG.error("access-log writer failed unexpectedly; it goes on with the next batch", unexpected);
                for (Pending item : batch) {
                    fail(item, unexpected);
                }
            }
            batch.clear();
        }
    }

    /** Holds the batch open while entries are on their way, up to the gather window. Called under the lock. */
    private void gather() {
        if (gatherNanos <= 0 || producers.getAsInt() < gatherSiblings) {
            return;
        }
        long deadline = System.nanoTime() + gatherNanos;
        while (!closed && queue.size() < maxBatchSize && producers.getAsInt() > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            try {
                notEmpty.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<AccessLogEntry> entries = new ArrayList<>(batch.size());
        for (Pending item : batch) {
            entries.add(item.entry());
        }
        long start = System.nanoTime();
        try {
            writer.write(entries);
        } catch (Throwable failure) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            batchSize.record(batch.size());
            if (batch.size() > 1 && entryError.test(failure)) {
                LOG.warnf("an entry of an access-log batch of %d was refused (%s); writing them one by one",
                        batch.size(), failure.toString());
                for (Pending item : batch) {
                    commit(List.of(item));
                }
                return;
            }
            LOG.errorf(failure, "access-log batch of %d entries (requests %s to %s) could not be committed; "
                    + "their answers are withheld", batch.size(), entries.get(0).requestId(),
                    entries.get(entries.size() - 1).requestId());
            for (Pending item : batch) {
                fail(item, failure);
            }
            return;
        }
        committed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSize.record(batch.size());
        for (Pending item : batch) {
            complete(item);
        }
    }

    // pending is counted down before the future completes, so that whoever it wakes sees the count without it

    private void complete(Pending item) {
        if (!item.done().isDone()) {
            pending.decrementAndGet();
            item.done().complete(null);
        }
    }

    private void fail(Pending item, Throwable failure) {
        if (!item.done().isDone()) {
            pending.decrementAndGet();
            item.done().completeExceptionally(failure);
        }
    }
}

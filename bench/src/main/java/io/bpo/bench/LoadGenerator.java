package io.bpo.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: {@code concurrency} workers each send one request, wait for the answer and send the
 * next, for a fixed time after a warm-up. Bounded in time and count, loopback only. Every answer must have the
 * expected status, or the run fails: a fast error is not throughput.
 */
public final class LoadGenerator {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int concurrency;
    private final Duration warmUp;
    private final Duration measure;

    public LoadGenerator(int concurrency, Duration warmUp, Duration measure) {
        this.concurrency = concurrency;
        this.warmUp = warmUp;
        this.measure = measure;
    }

    public record Result(String name, long requests, double seconds, long p50Micros, long p95Micros, long p99Micros) {
        public double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-34s %9.0f req/s   p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms   (%d requests)",
                    name, throughput(), p50Micros / 1000.0, p95Micros / 1000.0, p99Micros / 1000.0, requests);
        }
    }

    public Result run(String name, Supplier<HttpRequest> requests, int expectedStatus) throws Exception {
        phase(requests, expectedStatus, warmUp, null);
        long[][] latencies = new long[concurrency][];
        long started = System.nanoTime();
        int[] counts = phase(requests, expectedStatus, measure, latencies);
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        return new Result(name, total, seconds, percentile(all, 50), percentile(all, 95), percentile(all, 99));
    }

    /**
     * Unmeasured load until the endpoint is at steady state: windows of {@code window} until two in a row are
     * within 5 % of each other in throughput and in p95 (the JITs of every JVM on the path have compiled what
     * this load runs, caches are filled), or {@code max} has passed. Prints each window, so that a run shows when
     * it settled. JVM services are measured as they run in production: warm.
     */
    public void warmUntilSteady(String name, Supplier<HttpRequest> requests, int expectedStatus, Duration window,
            Duration max) throws Exception {
        LoadGenerator probe = new LoadGenerator(concurrency, Duration.ZERO, window);
        long deadline = System.nanoTime() + max.toNanos();
        Result previous = null;
        while (System.nanoTime() < deadline) {
            Result current = probe.run(name, requests, expectedStatus);
            System.out.println("  " + current);
            if (previous != null && close(previous.throughput(), current.throughput())
                    && close(previous.p95Micros(), current.p95Micros())) {
                System.out.printf("  %s: steady%n", name);
                return;
            }
            previous = current;
        }
        System.out.printf("  %s: not steady after %d s; measuring anyway%n", name, max.toSeconds());
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 0.05 * Math.max(a, b);
    }

    private int[] phase(Supplier<HttpRequest> requests, int expectedStatus, Duration length, long[][] latencies)
            throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + length.toNanos();
        try {
            List<Future<Integer>> done = new java.util.ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    while (!stop.get() && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(requests.get(), HttpResponse.BodyHandlers.ofByteArray());
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (response.statusCode() != expectedStatus) {
                            stop.set(true);
                            throw new IllegalStateException("HTTP " + response.statusCode() + " from "
                                    + response.uri() + ": " + new String(response.body()));
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = micros;
                    }
                    if (latencies != null) {
                        latencies[worker] = mine;
                    }
                    return n;
                }));
            }
            int[] counts = new int[concurrency];
            for (int w = 0; w < concurrency; w++) {
                counts[w] = done.get(w).get();
            }
            return counts;
        } finally {
            workers.shutdownNow();
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

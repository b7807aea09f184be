package io.bpo.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A modest, bounded load through the gateway while faults happen: {@code workers} loops, each sending the next
 * endpoint's read, waiting for the answer, pausing, and so on, each request with its own X-Request-Id. Every answer
 * is kept (status, problem+json, Retry-After), for the drill to judge afterwards. A request that gets no HTTP answer
 * at all counts with status -1.
 */
public final class Load implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final List<Endpoint> endpoints;
    private final Map<String, String> tokens;
    private final int workers;
    private final Duration pause;
    private final String run;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private ExecutorService pool;

    /** @param tokens access token per user, fetched before the faults (a Keycloak restart must not need new ones) */
    public Load(String gateway, List<Endpoint> endpoints, Map<String, String> tokens, int workers, Duration pause,
            String run) {
        this.gateway = gateway;
        this.endpoints = List.copyOf(endpoints);
        this.tokens = Map.copyOf(tokens);
        this.workers = workers;
        this.pause = pause;
        this.run = run;
    }

    public void start() {
        pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            int first = w;
            pool.submit(() -> loop(first));
        }
    }

    private void loop(int first) {
        int turn = first;
        while (!stop.get()) {
            Endpoint endpoint = endpoints.get(turn++ % endpoints.size());
            answers.add(send(endpoint));
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Answer send(Endpoint endpoint) {
        String requestId = "fault-" + run + "-" + sequence.incrementAndGet();
        long sent = System.currentTimeMillis();
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(gateway + endpoint.path()))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + tokens.get(endpoint.user()))
                    .header("X-Request-Id", requestId)
                    .header("Accept", "application/json, application/problem+json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(endpoint.name(), requestId, sent, System.currentTimeMillis(), response.statusCode(),
                    type.startsWith("application/problem+json"),
                    response.headers().firstValue("Retry-After").isPresent());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Answer(endpoint.name(), requestId, sent, System.currentTimeMillis(), -1, false, false);
        }
    }

    /** Answers received so far, in no particular order. */
    public List<Answer> answers() {
        return new ArrayList<>(answers);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        if (pool != null) {
            pool.shutdown();
            if (!pool.awaitTermination(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}

package io.bpo.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls every app's readiness and liveness probes (as Kubernetes would) a few times a second while the drill runs,
 * and remembers what each said when: enough to tell whether readiness went down during a fault and came back, and
 * whether liveness ever failed.
 */
public final class ProbeMonitor implements AutoCloseable {

    /** One poll of one app: epoch milliseconds, ready (HTTP 200 on /q/health/ready), live (on /q/health/live). */
    public record Probe(String app, long atMillis, boolean ready, boolean live) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, String> apps;
    private final Duration interval;
    private final ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** @param apps name to base URL, e.g. contracts-service to http://localhost:8081 */
    public ProbeMonitor(Map<String, String> apps, Duration interval) {
        this.apps = new LinkedHashMap<>(apps);
        this.interval = interval;
    }

    /**
     * One poller per app, as Kubernetes probes each pod on its own: polled in turn, a few apps whose probes wait for
     * an absent database could take longer than the outage, and the last app would only be asked once it is over.
     */
    public void start() {
        apps.forEach((app, url) -> {
            Thread thread = new Thread(() -> run(app, url), "probe-monitor-" + app);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        });
    }

    private void run(String app, String url) {
        while (!stop.get()) {
            probes.add(new Probe(app, System.currentTimeMillis(), ok(url + "/q/health/ready"),
                    ok(url + "/q/health/live")));
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean ok(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    public List<String> apps() {
        return List.copyOf(apps.keySet());
    }

    public List<Probe> between(String app, long from, long to) {
        List<Probe> selected = new ArrayList<>();
        for (Probe probe : probes) {
            if (probe.app().equals(app) && probe.atMillis() >= from && probe.atMillis() <= to) {
                selected.add(probe);
            }
        }
        return selected;
    }

    /** Waits until the app's readiness answers 200, at most {@code max}; true if it did. */
    public boolean awaitReady(String app, Duration max) throws InterruptedException {
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (ok(apps.get(app) + "/q/health/ready")) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}

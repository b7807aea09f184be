package io.bpo.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events from a producing service's outbox to a client's webhook receiver, through the running platform: each event
 * is a change request raised by carol through the gateway on an acme contract (contracts-service records the event
 * in its outbox with the request, its relay posts it to notifications-service, whose dispatcher signs and posts it
 * to a receiver of this process on a loopback port). Two phases, each printed with its figures:
 * <ol>
 * <li>paced: {@code rate} events per second (100) for {@code seconds} (20); the delay of each event is measured from
 * the moment its request was sent (the commit happens before the 201, so this over-estimates the commit-to-delivery
 * delay by the request's own time) to its arrival at the receiver; goal p95 under 2 s;</li>
 * <li>burst: {@code burst} events (2000) raised as fast as {@code concurrency} (16) callers can, and the rate at which
 * the receiver gets them (events per second from the first raise to the last arrival).</li>
 * </ol>
 * The webhook is deleted at the end; the change requests stay PENDING on their bench contract.
 */
public final class NotificationsBenchmark {
    private static final Pattern CHANGE_REQUEST_ID = Pattern.compile("\"changeRequestId\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final Map<String, String> pendingBySend = new ConcurrentHashMap<>();

    private NotificationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new NotificationsBenchmark().run(Integer.getInteger("rate", 100), Integer.getInteger("seconds", 20),
                Integer.getInteger("burst", 2000), Integer.getInteger("concurrency", 16));
        System.exit(0);
    }

    private void run(int rate, int seconds, int burst, int concurrency) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/bench-hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = CHANGE_REQUEST_ID.matcher(body);
            if (m.find()) {
                arrivedAt.putIfAbsent(m.group(1), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String alice = Platform.token("alice");
        String carol = Platform.token("carol");
        String hook = Platform.field(post("/api/v1/clients/acme/webhooks", alice,
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/bench-hook\","
                        + "\"eventTypes\":[\"change-request.awaiting-decision\"],\"description\":\"bench\"}", 201), "id");
        try {
            String terms = Files.readString(Path.of(System.getProperty("demo.terms", "scripts/demo-data/terms"))
                    .resolve("acme-1.json"));
            String contract = contract(carol, terms);
            String proposal = "{\"reason\":\"bench\",\"effectiveFrom\":\"2026-10-01\",\"terms\":"
                    + terms.replaceFirst("\"target\": *80", "\"target\": 81") + "}";
            String path = "/api/v1/clients/acme/contracts/" + contract + "/change-requests";

            System.out.printf("paced: %d events/s for %d s%n", rate, seconds);
            List<String> paced = paced(carol, path, proposal, rate, seconds);
            report("paced", paced, 30);

            System.out.printf("burst: %d events, %d callers%n", burst, concurrency);
            long start = System.nanoTime();
            List<String> burstIds = burst(carol, path, proposal, burst, concurrency);
            awaitArrivals(burstIds, 120);
            long last = burstIds.stream().map(arrivedAt::get).filter(t -> t != null).max(Long::compare).orElse(start);
            int arrived = (int) burstIds.stream().filter(arrivedAt::containsKey).count();
            System.out.printf("burst: %d/%d delivered, %.1f events/s outbox to receiver (first raise to last arrival)%n",
                    arrived, burstIds.size(), arrived / ((last - start) / 1e9));
            report("burst", burstIds, 0);
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/v1/clients/acme/webhooks/" + hook))
                    .header("Authorization", "Bearer " + alice).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            receiver.stop(0);
        }
    }

    private List<String> paced(String token, String path, String proposal, int rate, int seconds) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        // a fixed-rate task never overlaps itself: it only hands each raise to callers, so a slow answer does not
        // lower the offered rate
        ExecutorService callers = Executors.newFixedThreadPool(64);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        var task = scheduler.scheduleAtFixedRate(() -> callers.submit(() -> raise(token, path, proposal, ids)), 0,
                periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000L);
        task.cancel(false);
        scheduler.shutdown();
        callers.shutdown();
        callers.awaitTermination(2, TimeUnit.MINUTES);
        return ids;
    }

    private List<String> burst(String token, String path, String proposal, int count, int concurrency)
            throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < count; i++) {
            callers.submit(() -> raise(token, path, proposal, ids));
        }
        callers.shutdown();
        callers.awaitTermination(10, TimeUnit.MINUTES);
        return ids;
    }

    private void raise(String token, String path, String proposal, List<String> ids) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(proposal)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                String id = Platform.field(response.body(), "id");
                sentAt.put(id, sent);
                ids.add(id);
            } else {
                System.err.println("raise: HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            System.err.println("raise: " + e);
        }
    }

    private void report(String phase, List<String> ids, int waitSeconds) throws Exception {
        awaitArrivals(ids, waitSeconds);
        List<Double> delays = new ArrayList<>();
        for (String id : ids) {
            Long arrived = arrivedAt.get(id);
            if (arrived != null) {
                delays.add((arrived - sentAt.get(id)) / 1e6);
            }
        }
        Collections.sort(delays);
        if (delays.isEmpty()) {
            System.out.printf("%s: nothing delivered%n", phase);
            return;
        }
        System.out.printf("%s: %d raised, %d delivered; delay send->delivery ms: p50 %.0f, p95 %.0f, p99 %.0f, max %.0f%n",
                phase, ids.size(), delays.size(), pct(delays, 50), pct(delays, 95), pct(delays, 99),
                delays.get(delays.size() - 1));
    }

    private void awaitArrivals(List<String> ids, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && !ids.stream().allMatch(arrivedAt::containsKey)) {
            Thread.sleep(100);
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String contract(String carol, String terms) throws Exception {
        String reference = "BENCH-NOTIFY-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"reference\":\"" + reference + "\",\"title\":\"Notifications bench\",\"engagementType\":\"BPO\","
                + "\"deliveryModel\":\"OUTSOURCED\",\"deliveryCountry\":\"TN\",\"deliveryLocation\":\"NEARSHORE\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2028-12-31\",\"currency\":\"EUR\",\"terms\":" + terms + "}";
        String id = Platform.field(post("/api/v1/clients/acme/contracts", carol, body, 201), "id");
        HttpResponse<String> activated = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Platform.GATEWAY + "/api/v1/clients/acme/contracts/" + id + "/activate"))
                .header("Authorization", "Bearer " + carol).header("If-Match", "\"0\"")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (activated.statusCode() != 200) {
            throw new IllegalStateException("activate: " + activated.statusCode() + " " + activated.body());
        }
        return id;
    }

    private static String post(String path, String token, String json, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}

package io.bpo.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reading a contract's complete terms through the gateway (token verified twice, tenant checks, access log written
 * before the answer, row-level security) against a plain single-row JDBC endpoint serving the same row, in the same
 * run, alternating rounds so that the machine's noise hits both alike. Prints the ratio of the mean rates (the goal is
 * at least 0.40) and each round's ratio, which show how noisy the run was.
 *
 * <p>System properties: {@code concurrency} (16), {@code initial.warmup}: at most this many seconds of unmeasured load on
 * each endpoint before round 1, until it is steady (90), {@code warmup} seconds before each round (5), {@code seconds} per round (15),
 * {@code rounds} (3, so that each endpoint goes first once), {@code client} (acme), {@code reference} (ACME-BPO-2026-01) and {@code users}
 * (carol,alice,grace), whose requests take turns.
 */
public final class ContractTermsBenchmark {
    private ContractTermsBenchmark() {
    }

    /** One of the measured endpoints, with the results of its rounds. */
    private record Endpoint(String label, Supplier<HttpRequest> request, List<LoadGenerator.Result> results) {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("concurrency", 16);
        int rounds = Integer.getInteger("rounds", 3);
        String client = System.getProperty("client", "acme");
        String reference = System.getProperty("reference", "ACME-BPO-2026-01");
        // several subjects allowed to read acme's terms, taking turns: the gateway's per-subject quota (1000/s by
        // default) must not be what is measured; any 429 fails the run
        String[] users = System.getProperty("users", "carol,alice,grace").split(",");
        String[] tokens = new String[users.length];
        for (int i = 0; i < users.length; i++) {
            tokens[i] = Platform.token(users[i].trim());
        }
        String token = tokens[0];
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();

        String contracts = Platform.get("/api/v1/clients/" + client + "/contracts?limit=200", token);
        int at = contracts.indexOf("\"reference\":\"" + reference + "\"");
        if (at < 0) {
            throw new IllegalStateException("No contract " + reference + " for " + client + " (load the demo data)");
        }
        String contractId = Platform.field(contracts.substring(contracts.lastIndexOf("{\"id\"", at)), "id");
        String path = "/api/v1/clients/" + client + "/contracts/" + contractId + "/terms";
        int gatewayBytes = Platform.get(path, token).length();

        LoadGenerator load = new LoadGenerator(concurrency, Duration.ofSeconds(Integer.getInteger("warmup", 5)),
                Duration.ofSeconds(Integer.getInteger("seconds", 15)));
        try (JdbcBaselineServer baseline = JdbcBaselineServer.contractTerms(
                System.getProperty("jdbc.url", "jdbc:postgresql://localhost:5432/contracts"),
                System.getProperty("jdbc.user", "contracts_app"), System.getProperty("jdbc.password", "contracts_app"),
                concurrency)) {
            URI direct = URI.create("http://127.0.0.1:" + baseline.port() + "/terms/" + client + "/" + contractId);
            URI gateway = URI.create(Platform.GATEWAY + path);
            URI service = URI.create(System.getProperty("service.url", "http://localhost:8081") + path);
            System.out.printf("Contract terms read: %s %s (%d bytes of JSON), %d concurrent clients, %d rounds%n",
                    client, reference, gatewayBytes, concurrency, rounds);
            Supplier<HttpRequest> toBaseline = () -> HttpRequest.newBuilder(direct).build();
            Supplier<HttpRequest> viaGateway = () -> HttpRequest.newBuilder(gateway)
                    .header("Authorization", "Bearer " + tokens[(int) (sent.getAndIncrement() % tokens.length)])
                    .header("Accept", "application/json").build();
            Supplier<HttpRequest> toService = () -> HttpRequest.newBuilder(service)
                    .header("Authorization", "Bearer " + tokens[(int) (sent.getAndIncrement() % tokens.length)])
                    .header("Accept", "application/json").build();
            // the baseline server is a fresh JVM, the platform's may have served little yet: all three are brought
            // to steady state (JIT-compiled, caches filled) before anything is measured
            int initialWarmup = Integer.getInteger("initial.warmup", 90);
            if (initialWarmup > 0) {
                System.out.printf("warming up the three endpoints until steady (5 s windows, at most %d s each; not"
                        + " measured)%n", initialWarmup);
                Duration window = Duration.ofSeconds(5);
                Duration max = Duration.ofSeconds(initialWarmup);
                load.warmUntilSteady("warm-up baseline", toBaseline, 200, window, max);
                load.warmUntilSteady("warm-up via gateway", viaGateway, 200, window, max);
                load.warmUntilSteady("warm-up service", toService, 200, window, max);
            }
            List<LoadGenerator.Result> base = new ArrayList<>();
            List<LoadGenerator.Result> full = new ArrayList<>();
            List<LoadGenerator.Result> alone = new ArrayList<>();
            // the three take turns starting each round (rounds defaults to 3, so each starts once): a slower moment
            // of the machine, or the autovacuum that the access log's inserts set off, does not always fall on the
            // same one. The same call straight to contracts-service shows where the time goes.
            List<Endpoint> order = new ArrayList<>(List.of(new Endpoint("baseline JDBC endpoint", toBaseline, base),
                    new Endpoint("GET terms via gateway", viaGateway, full),
                    new Endpoint("GET terms on the service", toService, alone)));
            List<String> perRound = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Endpoint endpoint : order) {
                    LoadGenerator.Result result = load.run(endpoint.label() + ", round " + round, endpoint.request(), 200);
                    System.out.println(result);
                    endpoint.results().add(result);
                }
                order.add(order.remove(0));
                perRound.add(String.format("%.2f", full.get(round - 1).throughput() / base.get(round - 1).throughput()));
            }
            System.out.println("via gateway / baseline, round by round: " + String.join(", ", perRound));
            double baseRate = base.stream().mapToDouble(LoadGenerator.Result::throughput).average().orElse(0);
            double fullRate = full.stream().mapToDouble(LoadGenerator.Result::throughput).average().orElse(0);
            double ratio = fullRate / baseRate;
            double serviceRate = alone.stream().mapToDouble(LoadGenerator.Result::throughput).average().orElse(0);
            System.out.printf("service alone / baseline: %.0f / %.0f req/s = %.2f; via gateway / service alone: %.2f%n",
                    serviceRate, baseRate, serviceRate / baseRate, fullRate / serviceRate);
            System.out.printf("RESULT contract terms via gateway / baseline JDBC endpoint: %.0f / %.0f req/s = "
                    + "ratio %.2f (goal >= 0.40) %s%n", fullRate, baseRate, ratio, ratio >= 0.40 ? "MET" : "NOT MET");
        }
    }
}

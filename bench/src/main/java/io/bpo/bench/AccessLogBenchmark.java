package io.bpo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the confidentiality log costs. The same request ({@code GET /api/v1/clients/acme/contracts/{id}}) in three
 * ways, alternating rounds in one run:
 * <ol>
 * <li>straight to contracts-service (port 8081): no gateway at all;</li>
 * <li>through a gateway with the access log on (every answer waits for its entry's group commit);</li>
 * <li>through the same gateway build with the access log off.</li>
 * </ol>
 * Both gateways are started by this benchmark from gateway/target/quarkus-app (a copy), on ports
 * {@code on.port} (18080) and {@code off.port} (18081), with the same settings (the per-subject rate limit raised
 * so that it is not what is measured) except the log: the log-off one runs with
 * {@code -Dquarkus.profile=prod,bench -Dbpo.gateway.access-log.bench-disabled=true}, a switch the gateway honours
 * only under the bench profile and refuses to start with otherwise. Both are stopped at the end, whatever happens.
 * The three take turns going first in each round. Prints throughput and p99 of each and the ratios; goals: log on /
 * log off >= 0.80, gateway (log on) / direct >= 0.60.
 *
 * <p>System properties: {@code concurrency} (16), {@code warmup} seconds (5), {@code seconds} per round (15),
 * {@code rounds} (2), {@code gateway.warmup}: at most this many seconds of unmeasured load on each fresh gateway
 * before round 1, until it is steady (90),
 * {@code client} (acme), {@code user} (alice), {@code service.url} (http://localhost:8081),
 * {@code gateway.dir} (gateway/target/quarkus-app).
 */
public final class AccessLogBenchmark {
    private AccessLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("concurrency", 16);
        int rounds = Integer.getInteger("rounds", 2);
        int onPort = Integer.getInteger("on.port", 18080);
        int offPort = Integer.getInteger("off.port", 18081);
        String client = System.getProperty("client", "acme");
        String token = Platform.token(System.getProperty("user", "alice"));
        String contracts = Platform.get("/api/v1/clients/" + client + "/contracts?limit=1", token);
        String contractId = Platform.field(contracts, "id");
        String path = "/api/v1/clients/" + client + "/contracts/" + contractId;

        Path app = Path.of(System.getProperty("gateway.dir", "gateway/target/quarkus-app"));
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar is missing: "
                    + "./mvnw -pl gateway package -DskipTests");
        }
        Path copy = Files.createTempDirectory("bench-gateway");
        copyTree(app, copy);
        List<Process> gateways = new ArrayList<>();
        Thread cleanup = new Thread(() -> gateways.forEach(AccessLogBenchmark::stop));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            gateways.add(startGateway(copy, onPort, false));
            gateways.add(startGateway(copy, offPort, true));
            awaitReady(onPort, gateways.get(0));
            awaitReady(offPort, gateways.get(1));

            LoadGenerator load = new LoadGenerator(concurrency, Duration.ofSeconds(Integer.getInteger("warmup", 5)),
                    Duration.ofSeconds(Integer.getInteger("seconds", 15)));
            URI direct = URI.create(System.getProperty("service.url", "http://localhost:8081") + path);
            URI logOn = URI.create("http://localhost:" + onPort + path);
            URI logOff = URI.create("http://localhost:" + offPort + path);
            AtomicLong n = new AtomicLong();
            System.out.printf("Access-log cost: GET %s, %d concurrent clients, %d rounds%n", path, concurrency, rounds);
            // the two gateways are fresh JVMs while the service has been up (and JIT-compiled) for a while: bring them
            // to the same steady state before anything is measured, so that round 1 compares like with like
            int gatewayWarmup = Integer.getInteger("gateway.warmup", 90);
            if (gatewayWarmup > 0) {
                System.out.printf("warming up both gateways until steady (5 s windows, at most %d s each; not measured)%n",
                        gatewayWarmup);
                Duration window = Duration.ofSeconds(5);
                Duration max = Duration.ofSeconds(gatewayWarmup);
                load.warmUntilSteady("warm-up log ON", () -> get(logOn, token, n), 200, window, max);
                load.warmUntilSteady("warm-up log OFF", () -> get(logOff, token, n), 200, window, max);
            }
            List<LoadGenerator.Result> directs = new ArrayList<>();
            List<LoadGenerator.Result> ons = new ArrayList<>();
            List<LoadGenerator.Result> offs = new ArrayList<>();
            // the three take turns starting each round, so that a slower or busier moment of the machine does not
            // always fall on the same one
            List<String> order = new ArrayList<>(List.of("direct", "on", "off"));
            for (int round = 1; round <= rounds; round++) {
                for (String which : order) {
                    LoadGenerator.Result result = switch (which) {
                        case "direct" -> load.run("service directly, round " + round, () -> get(direct, token, n), 200);
                        case "on" -> load.run("gateway, log ON, round " + round, () -> get(logOn, token, n), 200);
                        default -> load.run("gateway, log OFF, round " + round, () -> get(logOff, token, n), 200);
                    };
                    System.out.println(result);
                    (which.equals("direct") ? directs : which.equals("on") ? ons : offs).add(result);
                }
                order.add(order.remove(0));
            }
            double directRate = mean(directs);
            double onRate = mean(ons);
            double offRate = mean(offs);
            System.out.printf("p99 (worst round): direct %.2f ms, log on %.2f ms, log off %.2f ms%n",
                    p99(directs), p99(ons), p99(offs));
            double logRatio = onRate / offRate;
            double gatewayRatio = onRate / directRate;
            System.out.printf("RESULT log on / log off: %.0f / %.0f req/s = ratio %.2f (goal >= 0.80) %s%n",
                    onRate, offRate, logRatio, logRatio >= 0.80 ? "MET" : "NOT MET");
            System.out.printf("RESULT gateway (log on) / service directly: %.0f / %.0f req/s = ratio %.2f "
                    + "(goal >= 0.60) %s%n", onRate, directRate, gatewayRatio,
                    gatewayRatio >= 0.60 ? "MET" : "NOT MET");
        } finally {
            gateways.forEach(AccessLogBenchmark::stop);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            deleteTree(copy);
        }
    }

    private static HttpRequest get(URI uri, String token, AtomicLong n) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "bench-" + n.incrementAndGet()).build();
    }

    private static double mean(List<LoadGenerator.Result> results) {
        return results.stream().mapToDouble(LoadGenerator.Result::throughput).average().orElse(0);
    }

    private static double p99(List<LoadGenerator.Result> results) {
        return results.stream().mapToLong(LoadGenerator.Result::p99Micros).max().orElse(0) / 1000.0;
    }

    private static Process startGateway(Path app, int port, boolean logOff) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.json.enabled=false",
                "-Dbpo.gateway.rate-limit.rate-per-second=1000000",
                "-Dbpo.gateway.rate-limit.burst=1000000"));
        if (logOff) {
            command.add("-Dquarkus.profile=prod,bench");
            command.add("-Dbpo.gateway.access-log.bench-disabled=true");
        }
        command.add("-jar");
        command.add(app.resolve("quarkus-run.jar").toString());
        Path log = Files.createTempFile("bench-gateway-" + port, ".log");
        System.out.printf("starting a gateway on port %d, access log %s (log: %s)%n", port, logOff ? "OFF" : "on",
                log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway on port " + port + " exited (" + process.exitValue()
                        + "); see its log");
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway on port " + port + " was not ready within 90 s");
    }

    private static void stop(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans it eventually
        }
    }
}

package io.bpo.bench;

import io.bpo.bench.faults.Answer;
import io.bpo.bench.faults.Endpoint;
import io.bpo.bench.faults.FaultDrill;
import io.bpo.bench.faults.FaultReport;
import io.bpo.bench.faults.Load;
import io.bpo.bench.faults.PlatformProcesses;
import io.bpo.bench.faults.ProbeMonitor;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * How the running platform lives through its weekly faults, measured under a modest load through the gateway:
 * PostgreSQL stopped and started again after {@code faults.during} seconds ({@code pg_ctlcluster 15 main stop},
 * {@code start}), Keycloak stopped and started again, an app killed (SIGKILL) and started again. Per fault it prints the answers the load got, those other than 2xx and the statuses
 * the fault may cause (goal 0), the seconds from the component's return to every endpoint answering 2xx (goal under
 * 10 s for the database), each app's readiness, and the acknowledged answers whose access-log entry is missing
 * (goal 0).
 * <p>
 * It restarts the machine's PostgreSQL: run it only while holding the platform lock, on a platform {@code ./platform
 * up} started. Options (-D): {@code faults=database,keycloak,service}, {@code faults.workers=4},
 * {@code faults.pause-ms=25}, {@code faults.before=3}, {@code faults.during=6}, {@code faults.after=8} (seconds),
 * {@code faults.killed-app=contracts-service}, {@code faults.pg-ctl="pg_ctlcluster 15 main"},
 * {@code faults.report=<file>} (the figures as properties, for the e2e FaultsIT), {@code platform.root=.}.
 */
public final class FaultRecoveryBenchmark {

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("contracts", "/api/v1/clients/acme/contracts?limit=1", "alice"),
            new Endpoint("knowledge", "/api/v1/clients/acme/knowledge/articles?limit=1", "alice"),
            new Endpoint("reporting", "/api/v1/clients/acme/reporting/interactions?limit=1", "alice"),
            new Endpoint("audit", "/api/v1/audit/access-log?limit=1", "erin"));

    private FaultRecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<FaultDrill.Fault> faults = Arrays.stream(System.getProperty("faults", "database,keycloak,service")
                .split(",")).map(f -> FaultDrill.Fault.valueOf(f.trim().toUpperCase())).toList();
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Map<String, String> tokens = Map.of("alice", Platform.token("alice"), "erin", Platform.token("erin"));
        Map<String, String> apps = new LinkedHashMap<>();
        apps.put("gateway", Platform.GATEWAY);
        apps.put("contracts-service", "http://localhost:8081");
        apps.put("knowledge-service", "http://localhost:8082");
        apps.put("reporting-service", "http://localhost:8083");
        FaultDrill.Settings settings = new FaultDrill.Settings(seconds("faults.before", 3), seconds("faults.during", 6),
                seconds("faults.after", 8), System.getProperty("faults.killed-app", "contracts-service"));
        PlatformProcesses platform = new PlatformProcesses(root,
                List.of(System.getProperty("faults.pg-ctl", "pg_ctlcluster 15 main").split(" ")));
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant started = Instant.now().minusSeconds(5);

        System.out.printf("Fault drill %s: %s, %d workers through %s%n", run, faults,
                Integer.getInteger("faults.workers", 4), Platform.GATEWAY);
        List<FaultReport> reports = new ArrayList<>();
        double newTokenSeconds = -1;
        try (ProbeMonitor probes = new ProbeMonitor(apps, Duration.ofMillis(200));
                Load load = new Load(Platform.GATEWAY, ENDPOINTS, tokens, Integer.getInteger("faults.workers", 4),
                        Duration.ofMillis(Integer.getInteger("faults.pause-ms", 25)), run)) {
            probes.start();
            load.start();
            FaultDrill drill = new FaultDrill(Platform.GATEWAY, load, probes, platform, settings,
                    FaultRecoveryBenchmark::freshToken);
            for (FaultDrill.Fault fault : faults) {
                System.out.printf("  %s ...%n", fault.name().toLowerCase());
                reports.add(drill.run(fault));
            }
            newTokenSeconds = drill.newTokenSeconds();
        }
        // once the load has stopped and every answer is in: the auditor's view of what was logged
        Map<String, Integer> logged = FaultDrill.loggedRequestIds(Platform.GATEWAY, Platform.token("erin"), started);
        print(reports, logged, newTokenSeconds);
        String report = System.getProperty("faults.report");
        if (report != null && !report.isBlank()) {
            write(Path.of(report), reports, logged, newTokenSeconds);
        }
    }

    private static String freshToken(String user) {
        try {
            return Platform.token(user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration seconds(String property, int fallback) {
        return Duration.ofSeconds(Integer.getInteger(property, fallback));
    }

    static long lost(FaultReport report, Map<String, Integer> logged) {
        return report.acknowledged().stream().filter(id -> !logged.containsKey(id)).count();
    }

    static long duplicated(FaultReport report, Map<String, Integer> logged) {
        return report.answers().stream().map(Answer::requestId).filter(id -> logged.getOrDefault(id, 0) > 1).count();
    }

    private static void print(List<FaultReport> reports, Map<String, Integer> logged, double newTokenSeconds) {
        System.out.printf("%n%-9s %8s %7s %10s %6s %12s %5s %5s  %s%n", "fault", "answers", "2xx", "502/503", "other",
                "recovery(s)", "lost", "dup", "readiness went down / ready after / liveness failures");
        for (FaultReport r : reports) {
            long allowed = r.errorCount() - r.bad().size();
            System.out.printf("%-9s %8d %7d %10d %6d %12.1f %5d %5d  %s%n", r.fault(), r.answers().size(),
                    r.okCount(), allowed, r.bad().size(), r.recoverySeconds(), lost(r, logged), duplicated(r, logged),
                    r.readinessWentDown().keySet().stream().map(app -> app + " " + yes(r.readinessWentDown().get(app))
                            + "/" + yes(r.readyAfter().get(app)) + "/" + r.livenessFailures().get(app))
                            .collect(Collectors.joining(", ")));
            r.bad().stream().limit(5).forEach(a -> System.out.printf("          other: %s %s HTTP %d%s%n",
                    a.endpoint(), a.requestId(), a.status(), a.problemJson() ? " problem+json" : ""));
        }
        if (newTokenSeconds >= 0) {
            System.out.printf("keycloak: a token issued after its return was served %.1f s after it was ready%n",
                    newTokenSeconds);
        }
        System.out.println("Goals: other = 0 for every fault; database recovery under 10 s; lost = 0; dup = 0.");
    }

    private static String yes(Boolean value) {
        return Boolean.TRUE.equals(value) ? "yes" : "no";
    }

    private static void write(Path file, List<FaultReport> reports, Map<String, Integer> logged,
            double newTokenSeconds) throws IOException {
        Properties figures = new Properties();
        for (FaultReport r : reports) {
            String p = r.fault() + ".";
            figures.setProperty(p + "answers", Integer.toString(r.answers().size()));
            figures.setProperty(p + "ok", Long.toString(r.okCount()));
            figures.setProperty(p + "allowedErrors", Long.toString(r.errorCount() - r.bad().size()));
            figures.setProperty(p + "other", Integer.toString(r.bad().size()));
            figures.setProperty(p + "otherSample", r.bad().stream().limit(10)
                    .map(a -> a.endpoint() + ":" + a.status() + ":" + a.requestId()).collect(Collectors.joining(",")));
            figures.setProperty(p + "recoverySeconds", Double.toString(r.recoverySeconds()));
            figures.setProperty(p + "lost", Long.toString(lost(r, logged)));
            figures.setProperty(p + "duplicated", Long.toString(duplicated(r, logged)));
            r.readinessWentDown().forEach((app, down) -> figures.setProperty(p + "readinessWentDown." + app, down.toString()));
            r.readyAfter().forEach((app, ready) -> figures.setProperty(p + "readyAfter." + app, ready.toString()));
            r.livenessFailures().forEach((app, n) -> figures.setProperty(p + "livenessFailures." + app, n.toString()));
        }
        figures.setProperty("keycloak.newTokenSeconds", Double.toString(newTokenSeconds));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            figures.store(out, "fault drill figures (FaultRecoveryBenchmark)");
        }
    }
}

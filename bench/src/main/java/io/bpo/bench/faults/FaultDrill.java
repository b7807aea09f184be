package io.bpo.bench.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault drill: a modest load through the gateway while PostgreSQL restarts, while Keycloak is stopped and
 * started again, and while an app is killed and started again. Each fault is judged on its own (see
 * {@link FaultReport}); afterwards the auditor's export of the access log must hold an entry for every 2xx answer.
 */
public final class FaultDrill {

    /** The faults, in the order a drill runs them. */
    public enum Fault {
        DATABASE, KEYCLOAK, SERVICE
    }

    /**
     * @param during how long the database stays stopped, and Keycloak and the killed app before they are started
     */
    public record Settings(Duration before, Duration during, Duration after, String killedApp) {
    }

    private final String gateway;
    private final Load load;
    private final ProbeMonitor probes;
    private final PlatformProcesses platform;
    private final Settings settings;
    /** A fresh password-grant token of a demo user (Keycloak must answer). */
    private final java.util.function.Function<String, String> newToken;

    public FaultDrill(String gateway, Load load, ProbeMonitor probes, PlatformProcesses platform, Settings settings,
            java.util.function.Function<String, String> newToken) {
        this.gateway = gateway;
        this.load = load;
        this.probes = probes;
        this.platform = platform;
        this.settings = settings;
        this.newToken = newToken;
    }

    /** Seconds from Keycloak's return until a token it issued then was first served 2xx; -1 before the fault ran. */
    private double newTokenSeconds = -1;

    public double newTokenSeconds() {
        return newTokenSeconds;
    }

    public FaultReport run(Fault fault) throws Exception {
        Thread.sleep(settings.before().toMillis());
        long from = System.currentTimeMillis();
        long back;
        Set<Integer> allowed;
        switch (fault) {
            case DATABASE -> {
                back = platform.restartDatabase(settings.during());
                allowed = Set.of(503);
            }
            case KEYCLOAK -> {
                platform.stop("keycloak", false);
                Thread.sleep(settings.during().toMillis());
                platform.up();
                back = System.currentTimeMillis();
                newTokenSeconds = untilServed(() -> newToken.apply("alice"), back);
                allowed = Set.of();
            }
            case SERVICE -> {
                platform.stop(settings.killedApp(), true);
                Thread.sleep(settings.during().toMillis());
                platform.up();
                back = System.currentTimeMillis();
                allowed = Set.of(502, 503);
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
        Thread.sleep(settings.after().toMillis());
        long to = System.currentTimeMillis();
        List<Answer> window = load.answers().stream()
                .filter(a -> a.sentMillis() >= from - settings.before().toMillis() && a.sentMillis() <= to).toList();
        return FaultReport.judge(fault.name().toLowerCase(), from, back, window, load.endpoints(), allowed, probes, to);
    }

    private double untilServed(Supplier<String> token, long back) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = back + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/v1/clients/acme/contracts?limit=1"))
                        .header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.currentTimeMillis() - back) / 1000.0;
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
            }
            Thread.sleep(100);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * How many times each request id appears in the access log since {@code since}, read as the auditor reads it:
     * the NDJSON export through the gateway.
     */
    public static Map<String, Integer> loggedRequestIds(String gateway, String auditorToken, Instant since)
            throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway
                + "/api/v1/audit/access-log/export?format=ndjson&from="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + auditorToken)
                .header("Accept", "application/x-ndjson").timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("access-log export: HTTP " + response.statusCode() + " " + response.body());
        }
        Map<String, Integer> counts = new HashMap<>();
        Matcher ids = Pattern.compile("\"requestId\":\"([^\"]*)\"").matcher(response.body());
        while (ids.find()) {
            counts.merge(ids.group(1), 1, Integer::sum);
        }
        return counts;
    }
}

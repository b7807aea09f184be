package io.bpo.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client manager's home page in the portal (alice, acme; twelve months of demo data) against the gateway calls
 * that page makes, in one run and alternating rounds. The portal's page: one GET with alice's session cookie (signed
 * in once through Keycloak's login form, code flow with PKCE). The baseline: the same N gateway calls with alice's
 * access token, taken in turn, their rate divided by N ("pages' worth of gateway calls per second"). Ratio = page
 * rate / that rate; goal at least 0.50, and the page's p95 under 300 ms.
 *
 * <p>System properties: {@code portal.url} (http://localhost:8090), {@code concurrency} (8), {@code seconds} per
 * round (15), {@code warmup} seconds before each round (5), {@code rounds} (3).
 */
public final class PortalHomeBenchmark {
    static final String PORTAL = System.getProperty("portal.url", "http://localhost:8090");
    static final String CLIENT = "acme";

    private PortalHomeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("concurrency", 8);
        int rounds = Integer.getInteger("rounds", 3);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("warmup", 5));
        Duration seconds = Duration.ofSeconds(Integer.getInteger("seconds", 15));
        String token = Platform.token("alice");
        String cookies = signIn("alice");
        List<String> calls = gatewayCallsOfTheHomePage(token);
        System.out.printf("portal home of %s for alice: %d gateway calls per page%n", CLIENT, calls.size());

        Supplier<HttpRequest> page = () -> HttpRequest.newBuilder(URI.create(PORTAL + "/clients/" + CLIENT))
                .header("Cookie", cookies).header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).build();
        AtomicLong next = new AtomicLong();
        Supplier<HttpRequest> gateway = () -> HttpRequest.newBuilder(URI.create(Platform.GATEWAY
                        + calls.get((int) (next.getAndIncrement() % calls.size()))))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();

        LoadGenerator load = new LoadGenerator(concurrency, warmup, seconds);
        load.warmUntilSteady("portal home page", page, 200, Duration.ofSeconds(5), Duration.ofSeconds(60));
        load.warmUntilSteady("its gateway calls", gateway, 200, Duration.ofSeconds(5), Duration.ofSeconds(60));
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            LoadGenerator.Result first;
            LoadGenerator.Result second;
            // each side goes first in turn, so that neither always runs on a machine the other just heated
            if (round % 2 == 1) {
                first = load.run("portal home page", page, 200);
                second = load.run("its gateway calls", gateway, 200);
            } else {
                second = load.run("its gateway calls", gateway, 200);
                first = load.run("portal home page", page, 200);
            }
            double pagesOfCalls = second.throughput() / calls.size();
            double ratio = first.throughput() / pagesOfCalls;
            ratios.add(ratio);
            System.out.printf("round %d%n  %s%n  %s%n  gateway calls as pages: %.1f pages/s   ratio page / calls: %.2f"
                    + "   page p95 %.0f ms (goal < 300)%n", round, first, second, pagesOfCalls, ratio,
                    first.p95Micros() / 1000.0);
        }
        System.out.printf("ratio per round: %s (goal >= 0.50)%n",
                ratios.stream().map(r -> String.format("%.2f", r)).collect(Collectors.joining(", ")));
    }

    /** The calls PortalPages makes for this home page, read from the API as the page reads it. */
    static List<String> gatewayCallsOfTheHomePage(String token) throws Exception {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String base = "/api/v1/clients/" + CLIENT;
        List<String> calls = new ArrayList<>(List.of("/api/v1/clients?limit=200", base,
                base + "/contracts?limit=50", base + "/contracts/deadlines"));
        String contracts = Platform.get(base + "/contracts?limit=50", token);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*?\"status\"\\s*:\\s*\"ACTIVE\"")
                .matcher(contracts);
        while (m.find()) {
            calls.add(base + "/reporting/contracts/" + m.group(1) + "/compliance?month=" + month);
            calls.add(base + "/contracts/" + m.group(1) + "/change-requests?status=PENDING");
        }
        return calls;
    }

    /**
     * Signs in through the portal as a browser would (redirects followed by hand, cookies kept per host and port);
     * returns the Cookie header of the portal's session.
     */
    static String signIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, Map<String, String>> jar = new HashMap<>();
        HttpResponse<String> page = follow(browser, jar, HttpRequest.newBuilder(URI.create(PORTAL + "/")).build());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No Keycloak login form at " + page.uri() + " (is the portal up?)");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = follow(browser, jar, HttpRequest.newBuilder(
                        URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (home.statusCode() != 200 || !home.uri().toString().startsWith(PORTAL)) {
            throw new IllegalStateException("Sign-in as " + user + " ended at " + home.uri() + " with HTTP "
                    + home.statusCode());
        }
        return cookieHeader(jar, URI.create(PORTAL));
    }

    private static HttpResponse<String> follow(HttpClient browser, Map<String, Map<String, String>> jar,
            HttpRequest first) throws Exception {
        HttpRequest request = first;
        for (int hop = 0; hop < 10; hop++) {
            HttpRequest.Builder withCookies = HttpRequest.newBuilder(request.uri())
                    .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
            request.headers().map().forEach((name, values) -> values.forEach(v -> withCookies.header(name, v)));
            String cookies = cookieHeader(jar, request.uri());
            if (!cookies.isEmpty()) {
                withCookies.header("Cookie", cookies);
            }
            HttpResponse<String> response = browser.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> hostJar = jar.computeIfAbsent(origin(request.uri()), k -> new LinkedHashMap<>());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    hostJar.remove(pair.substring(0, eq));
                } else {
                    hostJar.put(pair.substring(0, eq), value);
                }
            }
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return response;
            }
            request = HttpRequest.newBuilder(request.uri().resolve(location)).GET().build();
        }
        throw new IllegalStateException("too many redirects signing in");
    }

    private static String origin(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String cookieHeader(Map<String, Map<String, String>> jar, URI uri) {
        return jar.getOrDefault(origin(uri), Map.of()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}

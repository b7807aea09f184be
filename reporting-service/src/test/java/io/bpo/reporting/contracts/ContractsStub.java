package io.bpo.reporting.contracts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * contracts-service at its HTTP boundary, for @QuarkusTests (the real service is not running): it answers
 * {@code GET /api/v1/clients/{clientId}/contracts/{contractId}/terms-in-force?from=&to=} in exactly the real API's
 * shape ({@code InForce}: contract fields and consecutive {@code TermsPeriod}s, split at amendments and clipped to
 * the range, as {@code TermsService.inForceBetween} does) from the repository's demo terms documents. It refuses a
 * request without a bearer token (401), another client's contract (404, as contracts does), a range over 366 days
 * (400). The real call is covered end to end by the e2e suite (ReportingSlaIT).
 */
public class ContractsStub implements QuarkusTestResourceLifecycleManager {
    public static final UUID ACME_SLA = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    public static final UUID ACME_STATEMENT = UUID.fromString("00000000-0000-4000-8000-00000000a002");
    public static final UUID LIVE = UUID.fromString("00000000-0000-4000-8000-00000000a003");
    public static final UUID ACME_REPORT = UUID.fromString("00000000-0000-4000-8000-00000000a004");
    /** contracts answers 500 for this one. */
    public static final UUID BROKEN = UUID.fromString("00000000-0000-4000-8000-00000000e500");
    /** contracts answers after 3 s, beyond the test profile's timeout. */
    public static final UUID SLOW = UUID.fromString("00000000-0000-4000-8000-00000000e503");

    public static final String SLA_CLIENT = "rs-sla";
    public static final String STATEMENT_CLIENT = "rs-stmt";
    public static final String REPORT_CLIENT = "rs-report";

    /** Clients of the cross-client portfolio: two in EUR, one in USD, all on acme's demo terms. */
    public static final String PORTFOLIO_EUR = "pf-eur";
    public static final String PORTFOLIO_EUR_2 = "pf-eur-2";
    public static final String PORTFOLIO_USD = "pf-usd";
    /** contracts lists this client's contracts after 3 s, beyond the test profile's timeout. */
    public static final String PORTFOLIO_SLOW = "pf-slow";

    /** Clients of the measurement tests: each has one contract on globex's back-office terms (see measured). */
    public static final List<String> MEASUREMENT_CLIENTS = List.of("ms-happy", "ms-bad", "ms-idem", "ms-roles",
            "ms-other", "ms-terms", "ms-down");
    /** contracts answers after 3 s for this client's contract, beyond the test profile's timeout. */
    public static final String MEASUREMENT_SLOW_CLIENT = "ms-down";

    /**
     * The back-office contract of a measurement client: globex's terms (error-rate monthly, backlog-age weekly,
     * both measured) in force from 2026-03-01, amended from 2026-09-01.
     */
    public static UUID measured(String clientId) {
        return UUID.nameUUIDFromBytes(("measured/" + clientId).getBytes(StandardCharsets.UTF_8));
    }

    /** The acme-terms contract of a portfolio client. */
    public static UUID portfolioContract(String clientId) {
        return UUID.nameUUIDFromBytes(("portfolio/" + clientId).getBytes(StandardCharsets.UTF_8));
    }

    private static final Pattern LIST = Pattern.compile("/api/v1/clients/([a-z0-9-]+)/contracts");
    private static final Pattern PATH = Pattern.compile(
            "/api/v1/clients/([a-z0-9-]+)/contracts/([0-9a-f-]{36})/terms-in-force");

    private record Version(LocalDate effectiveFrom, int number, int amendment, String termsJson) {
    }

    private record Contract(String clientId, String reference, String currency, List<Version> versions) {
    }

    private final Map<UUID, Contract> contracts = new LinkedHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        String acme = read("acme-1.json");
        String acmeAmended = read("acme-1-amendment-1.json");
        List<Version> acmeVersions = List.of(new Version(LocalDate.parse("2026-01-01"), 1, 0, acme),
                new Version(LocalDate.parse("2026-07-01"), 2, 1, acmeAmended));
        contracts.put(ACME_SLA, new Contract(SLA_CLIENT, "ACME-BPO-2026-01", "EUR", acmeVersions));
        contracts.put(ACME_STATEMENT, new Contract(STATEMENT_CLIENT, "ACME-BPO-2026-01", "EUR", acmeVersions));
        contracts.put(ACME_REPORT, new Contract(REPORT_CLIENT, "ACME-BPO-2026-01", "EUR", acmeVersions));
        contracts.put(LIVE, new Contract(SLA_CLIENT, "LIVE-2026", "EUR",
                List.of(new Version(LocalDate.parse("2020-01-01"), 1, 0, LIVE_TERMS))));
        contracts.put(BROKEN, new Contract(SLA_CLIENT, "BROKEN", "EUR", acmeVersions));
        contracts.put(SLOW, new Contract(SLA_CLIENT, "SLOW", "EUR", acmeVersions));
        contracts.put(portfolioContract(PORTFOLIO_EUR), new Contract(PORTFOLIO_EUR, "PF-EUR-1", "EUR", acmeVersions));
        contracts.put(portfolioContract(PORTFOLIO_EUR_2),
                new Contract(PORTFOLIO_EUR_2, "PF-EUR-2", "EUR", acmeVersions));
        contracts.put(portfolioContract(PORTFOLIO_USD), new Contract(PORTFOLIO_USD, "PF-USD-1", "USD", acmeVersions));
        List<Version> globexVersions = List.of(new Version(LocalDate.parse("2026-03-01"), 1, 0, read("globex-4.json")),
                new Version(LocalDate.parse("2026-09-01"), 2, 1, read("globex-4-amendment-1.json")));
        for (String client : MEASUREMENT_CLIENTS) {
            contracts.put(measured(client), new Contract(client, "MS-" + client, "USD", globexVersions));
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.contracts.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "io.bpo.reporting.contracts.ContractsCalls/termsInForce/Timeout/value", "1000",
                "io.bpo.reporting.contracts.ContractsCalls/contracts/Timeout/value", "1000");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String read(String name) {
        try {
            return Files.readString(Path.of("..", "scripts", "demo-data", "terms", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                problem(exchange, 401, "unauthorized");
                return;
            }
            Matcher list = LIST.matcher(exchange.getRequestURI().getPath());
            if ("GET".equals(exchange.getRequestMethod()) && list.matches()) {
                if (PORTFOLIO_SLOW.equals(list.group(1))) {
                    Thread.sleep(3000);
                }
                send(exchange, 200, "application/json", page(list.group(1)));
                return;
            }
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) || !m.matches()) {
                problem(exchange, 404, "not-found");
                return;
            }
            UUID id = UUID.fromString(m.group(2));
            Contract contract = contracts.get(id);
            if (contract == null || !contract.clientId().equals(m.group(1))) {
                problem(exchange, 404, "not-found");
                return;
            }
            if (id.equals(BROKEN)) {
                problem(exchange, 500, "internal");
                return;
            }
            if (id.equals(SLOW) || id.equals(measured(MEASUREMENT_SLOW_CLIENT))) {
                Thread.sleep(3000);
            }
            Map<String, String> query = query(exchange.getRequestURI());
            LocalDate from = LocalDate.parse(query.get("from"));
            LocalDate to = LocalDate.parse(query.get("to"));
            if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
                problem(exchange, 400, "validation");
                return;
            }
            send(exchange, 200, "application/json", inForce(id, contract, from, to));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real API's Page of ContractView (one page: the stub's clients have few contracts). */
    private String page(String clientId) {
        StringBuilder items = new StringBuilder();
        contracts.forEach((id, c) -> {
            if (c.clientId().equals(clientId) && !id.equals(BROKEN) && !id.equals(SLOW)) {
                if (!items.isEmpty()) {
                    items.append(',');
                }
                items.append("{\"id\":\"").append(id).append("\",\"clientId\":\"").append(clientId)
                        .append("\",\"reference\":\"").append(c.reference())
                        .append("\",\"title\":\"Customer service\",\"engagementType\":\"BPO\",")
                        .append("\"deliveryModel\":\"OUTSOURCED\",\"deliveryCountry\":\"TN\",")
                        .append("\"deliveryLocation\":\"NEARSHORE\",\"startDate\":\"")
                        .append(c.versions().get(0).effectiveFrom()).append("\",\"endDate\":\"2028-12-31\",")
                        .append("\"noticePeriodDays\":90,\"currency\":\"").append(c.currency())
                        .append("\",\"status\":\"ACTIVE\",\"version\":3,")
                        .append("\"createdAt\":\"2025-11-02T10:00:00Z\",\"updatedAt\":\"2025-12-01T10:00:00Z\"}");
            }
        });
        return "{\"items\":[" + items + "],\"nextCursor\":null}";
    }

    /** The real API's InForce document. */
    private static String inForce(UUID id, Contract contract, LocalDate from, LocalDate to) {
        StringBuilder periods = new StringBuilder();
        List<Version> all = contract.versions();
        for (int i = 0; i < all.size(); i++) {
            Version v = all.get(i);
            LocalDate end = i + 1 < all.size() ? all.get(i + 1).effectiveFrom().minusDays(1) : null;
            if ((end != null && end.isBefore(from)) || v.effectiveFrom().isAfter(to)) {
                continue;
            }
            LocalDate periodFrom = v.effectiveFrom().isBefore(from) ? from : v.effectiveFrom();
            LocalDate periodTo = end == null || end.isAfter(to) ? to : end;
            if (!periods.isEmpty()) {
                periods.append(',');
            }
            periods.append("{\"from\":\"").append(periodFrom).append("\",\"to\":\"").append(periodTo)
                    .append("\",\"versionNumber\":").append(v.number()).append(",\"amendmentNumber\":")
                    .append(v.amendment()).append(",\"terms\":").append(v.termsJson()).append('}');
        }
        return "{\"contractId\":\"" + id + "\",\"clientId\":\"" + contract.clientId() + "\",\"reference\":\""
                + contract.reference() + "\",\"currency\":\"" + contract.currency()
                + "\",\"status\":\"ACTIVE\",\"periods\":[" + periods + "]}";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    private static void problem(HttpExchange exchange, int status, String slug) throws IOException {
        send(exchange, status, "application/problem+json", "{\"type\":\"https://bpo.example/problems/" + slug
                + "\",\"title\":\"" + slug + "\",\"status\":" + status + "}");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Terms of a round-the-clock service in UTC (for intraday tests that run at any hour): a daily service level
     * (80 % in 20 s, warning 90 %) and a monthly abandonment rate on queue "live-calls".
     */
    static final String LIVE_TERMS = """
            {
              "term": { "startDate": "2020-01-01", "endDate": "2099-12-31", "noticePeriodDays": 90, "renewal": "TACIT", "renewalPeriodMonths": 12 },
              "pricing": { "model": "FIXED_FEE", "monthlyFee": 10000.00, "unitPrice": null, "ftePrice": null, "fteCount": null, "annualBudgetCap": null },
              "governance": [],
              "calendars": [
                { "key": "round-the-clock", "timeZone": "Etc/UTC",
                  "weeklyHours": [
                    { "day": "MONDAY", "opens": "00:00", "closes": "00:00" }, { "day": "TUESDAY", "opens": "00:00", "closes": "00:00" },
                    { "day": "WEDNESDAY", "opens": "00:00", "closes": "00:00" }, { "day": "THURSDAY", "opens": "00:00", "closes": "00:00" },
                    { "day": "FRIDAY", "opens": "00:00", "closes": "00:00" }, { "day": "SATURDAY", "opens": "00:00", "closes": "00:00" },
                    { "day": "SUNDAY", "opens": "00:00", "closes": "00:00" }
                  ],
                  "holidays": [] }
              ],
              "scope": [
                { "key": "live-calls", "process": "Calls", "description": null, "channel": "PHONE", "languages": ["en"], "calendar": "round-the-clock", "forecastMonthlyVolume": 1000, "inScope": true }
              ],
              "objectives": [
                { "key": "reachable", "category": "QUALITY", "statement": "Callers get through quickly.", "slas": ["service-level"] }
              ],
              "slas": [
                { "key": "service-level", "name": "80 % in 20 s, every day", "metric": "SERVICE_LEVEL", "comparator": "GTE",
                  "target": 80, "warning": 90, "thresholdSeconds": 20, "period": "DAY", "calendar": "round-the-clock", "weight": 0.6,
                  "scope": ["live-calls"], "serviceCredit": { "percentOfFeePerBreach": 0.5, "capPercentPerPeriod": 5 }, "bonus": null },
                { "key": "abandonment", "name": "At most 5 % abandoned", "metric": "ABANDONMENT_RATE", "comparator": "LTE",
                  "target": 5, "warning": null, "thresholdSeconds": null, "period": "MONTH", "calendar": "round-the-clock", "weight": 0.4,
                  "scope": ["live-calls"], "serviceCredit": null, "bonus": null }
              ]
            }
            """;
}

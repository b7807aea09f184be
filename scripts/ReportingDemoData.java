import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting demo data, loaded through the gateway with real tokens, idempotently and quickly skipped when already
 * there. JDK only: {@code java scripts/ReportingDemoData.java} (./platform up runs it after DemoData.java).
 *
 * <ul>
 *   <li>acme: twelve months of contact-centre records (the twelve full months before the current one, about 2
 *       million), pushed by the machine client ingest-acme as NDJSON in batches of 100,000. Queues are the scope
 *       items of acme's contract ACME-BPO-2026-01 (scripts/demo-data/terms/acme-1.json: appels-facturation,
 *       courriels-sinistres, chat-espace-client), offered inside its service calendar fr-contact-centre
 *       (Europe/Paris, Monday-Friday 08:00-20:00, Saturday 09:00-18:00, French public holidays closed). About 86 % of
 *       the answered calls are answered within 20 s, except in the eighth month (June 2026 when loaded in November
 *       2026), where only about 70 % are: that month breaches the SLA niveau-de-service-20s (80 % in 20 s).</li>
 *   <li>globex: back-office KPI measurements of contract GLOBEX-BPO-2026-04 (scripts/demo-data/terms/globex-4.json):
 *       error-rate per month and backlog-age per week (hours) over the twelve months, from the contract's start
 *       (2026-03-01) on, since reporting refuses periods without terms in force (eight months when loaded in
 *       November 2026; one month above the 2 % target, one week above 48 h), pushed by carol (account-manager).</li>
 * </ul>
 *
 * Seeded: the same records (and externalIds) at every run, so a second run stores nothing new. A month already
 * loaded (its last record is there) is skipped without generating traffic. Settings: GATEWAY_URL, KEYCLOAK_URL,
 * INGEST_ACME_SECRET, REPORTING_DEMO_LAST_MONTH=2026-10 (the last of the twelve months; default: the previous one).
 */
public class ReportingDemoData {
    static final String GATEWAY = setting("gateway.url", "GATEWAY_URL", "http://localhost:8080");
    static final String KEYCLOAK = setting("keycloak.url", "KEYCLOAK_URL", "http://localhost:8180");
    static final int BATCH = 100_000;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** French public holidays in the demo range (the contract's calendar lists 2026's). */
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.parse("2025-11-01"), LocalDate.parse("2025-11-11"),
            LocalDate.parse("2025-12-25"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-06"),
            LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-08"), LocalDate.parse("2026-05-14"),
            LocalDate.parse("2026-05-25"), LocalDate.parse("2026-07-14"), LocalDate.parse("2026-08-15"),
            LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-11"), LocalDate.parse("2026-12-25"),
            LocalDate.parse("2027-01-01"));
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static String ingestToken;
    static String carolToken;

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (IllegalStateException e) {
            System.err.println("reporting demo data: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run() throws Exception {
        YearMonth last = System.getenv("REPORTING_DEMO_LAST_MONTH") != null
                ? YearMonth.parse(System.getenv("REPORTING_DEMO_LAST_MONTH"))
                : YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        ingestToken = token("grant_type=client_credentials&client_id=ingest-acme&client_secret="
                + enc(System.getenv().getOrDefault("INGEST_ACME_SECRET", "ingest-acme-secret")));
        carolToken = token("grant_type=password&client_id=bpo-portal&username=carol&password=carol");
        System.out.println("reporting demo data through " + GATEWAY);
        for (int i = 0; i < 12; i++) {
            YearMonth month = last.minusMonths(11 - i);
            acmeMonth(month, i == 7);
        }
        globexMeasurements(last);
        System.out.println("reporting demo data: done");
    }

    // ------------------------------------------------------------------ acme's calls

    /** One generated record: NDJSON for the API. */
    record Call(String externalId, String queue, String channel, Instant offered, String json) {
    }

    static List<Call> generate(YearMonth month, boolean breached) {
        Random random = new Random(month.getYear() * 100L + month.getMonthValue());
        List<Call> calls = new ArrayList<>(180_000);
        int n = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY || HOLIDAYS.contains(day)) {
                continue;
            }
            boolean saturday = day.getDayOfWeek() == DayOfWeek.SATURDAY;
            LocalTime opens = saturday ? LocalTime.of(9, 0) : LocalTime.of(8, 0);
            int openSeconds = (saturday ? 9 : 12) * 3600;
            Instant start = day.atTime(opens).atZone(PARIS).toInstant();
            int volume = saturday ? 3300 : 7000;
            List<Instant> offers = new ArrayList<>(volume);
            for (int i = 0; i < volume; i++) {
                offers.add(start.plusSeconds(random.nextInt(openSeconds)));
            }
            offers.sort(null);
            for (Instant offered : offers) {
                calls.add(call(random, month, n++, offered, breached));
            }
        }
        return calls;
    }

    static Call call(Random random, YearMonth month, int n, Instant offered, boolean breached) {
        String id = "acme-demo-" + month + "-" + n;
        double kind = random.nextDouble();
        String queue = kind < 0.72 ? "appels-facturation" : kind < 0.87 ? "courriels-sinistres" : "chat-espace-client";
        String channel = queue.equals("appels-facturation") ? "PHONE" : queue.equals("courriels-sinistres") ? "EMAIL"
                : "CHAT";
        StringBuilder j = new StringBuilder(300).append("{\"externalId\":\"").append(id).append("\",\"channel\":\"")
                .append(channel).append("\",\"queue\":\"").append(queue).append("\",\"offeredAt\":\"")
                .append(offered).append('"');
        boolean abandoned = !channel.equals("EMAIL") && random.nextDouble() < (breached ? 0.055 : 0.03);
        int wait;
        if (channel.equals("EMAIL")) {
            wait = 600 + random.nextInt(6 * 3600);
        } else if (abandoned) {
            wait = 3 + random.nextInt(150);
        } else if (random.nextDouble() < (breached ? 0.70 : 0.865)) {
            wait = random.nextInt(21);
        } else {
            wait = 21 + random.nextInt(channel.equals("CHAT") ? 60 : 200);
        }
        j.append(",\"waitSeconds\":").append(wait).append(",\"abandoned\":").append(abandoned);
        if (abandoned) {
            j.append(",\"endedAt\":\"").append(offered.plusSeconds(wait)).append('"');
        } else {
            int handle = 90 + random.nextInt(channel.equals("EMAIL") ? 900 : 540);
            j.append(",\"answeredAt\":\"").append(offered.plusSeconds(wait)).append('"')
                    .append(",\"endedAt\":\"").append(offered.plusSeconds(wait + handle)).append('"')
                    .append(",\"handleSeconds\":").append(handle)
                    .append(",\"transferred\":").append(random.nextDouble() < 0.06)
                    .append(",\"firstContactResolution\":").append(random.nextDouble() < 0.78)
                    .append(",\"agentId\":\"agt-").append(String.format("%03d", random.nextInt(140))).append('"');
            if (random.nextDouble() < 0.3) {
                double r = random.nextDouble();
                int csat = r < 0.55 ? 5 : r < 0.85 ? 4 : r < 0.93 ? 3 : r < 0.97 ? 2 : 1;
                j.append(",\"csat\":").append(csat);
            }
            if (random.nextDouble() < 0.05) {
                j.append(",\"qualityScore\":").append(70 + random.nextInt(30)).append('.')
                        .append(random.nextInt(10));
            }
        }
        return new Call(id, queue, channel, offered, j.append("}\n").toString());
    }

    static void acmeMonth(YearMonth month, boolean breached) throws Exception {
        List<Call> calls = generate(month, breached);
        Call lastCall = calls.get(calls.size() - 1);
        if (present(lastCall)) {
            System.out.printf("  acme %s: %,d records already loaded, skipped%n", month, calls.size());
            return;
        }
        long created = 0;
        long duplicates = 0;
        long started = System.nanoTime();
        for (int from = 0; from < calls.size(); from += BATCH) {
            StringBuilder body = new StringBuilder(BATCH * 330);
            for (Call c : calls.subList(from, Math.min(calls.size(), from + BATCH))) {
                body.append(c.json());
            }
            String answer = post("/api/v1/clients/acme/reporting/interactions", ingestToken, "application/x-ndjson",
                    body.toString());
            created += number(answer, "created");
            duplicates += number(answer, "duplicates");
        }
        System.out.printf("  acme %s%s: %,d records, created %,d, duplicates %,d (%.1f s)%n", month,
                breached ? " (service level breached)" : "", calls.size(), created, duplicates,
                (System.nanoTime() - started) / 1e9);
    }

    /** Whether the month's last record is stored (months are sent in offer order, so the month is complete). */
    static boolean present(Call c) throws Exception {
        String path = "/api/v1/clients/acme/reporting/interactions?queue=" + enc(c.queue()) + "&from="
                + enc(c.offered().toString()) + "&to=" + enc(c.offered().plusSeconds(1).toString()) + "&limit=500";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Authorization", "Bearer " + carolToken).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().contains("\"externalId\":\"" + c.externalId() + "\"");
    }

    // ------------------------------------------------------------------ globex's measurements

    static void globexMeasurements(YearMonth last) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY
                        + "/api/v1/clients/globex/contracts?limit=200"))
                .header("Authorization", "Bearer " + carolToken).build(), HttpResponse.BodyHandlers.ofString());
        int at = r.body().indexOf("\"reference\":\"GLOBEX-BPO-2026-04\"");
        if (r.statusCode() != 200 || at < 0) {
            throw new IllegalStateException("no contract GLOBEX-BPO-2026-04 for globex (run DemoData.java first): "
                    + r.statusCode());
        }
        String item = r.body().substring(r.body().lastIndexOf("{\"id\"", at));
        String contract = field(item, "id");
        // reporting refuses a measurement for a period with no terms in force: nothing before the contract's start
        LocalDate contractStart = LocalDate.parse(field(item, "startDate"));
        Random random = new Random(4L);
        StringBuilder body = new StringBuilder("[");
        YearMonth first = last.minusMonths(11);
        for (int i = 0; i < 12; i++) {
            YearMonth month = first.plusMonths(i);
            int processed = 21_000 + random.nextInt(4000);
            int errors = i == 9 ? (int) (processed * 0.026) : (int) (processed * (0.008 + random.nextDouble() * 0.01));
            if (month.atEndOfMonth().isBefore(contractStart)) {
                continue;
            }
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(measurement(contract, "error-rate", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    String.format(java.util.Locale.ROOT, "%.4f", errors * 100.0 / processed),
                    Integer.toString(errors), Integer.toString(processed)));
        }
        LocalDate monday = first.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int week = 0;
        for (LocalDate d = monday; d.plusDays(7).isBefore(last.plusMonths(1).atDay(1).plusDays(1)); d = d.plusDays(7)) {
            double hours = week++ == 30 ? 52.5 : 18 + random.nextInt(240) / 10.0;
            Instant start = d.atStartOfDay(ZoneId.of("Asia/Manila")).toInstant();
            if (d.plusDays(6).isBefore(contractStart)) {
                continue;
            }
            body.append(body.length() > 1 ? "," : "").append(measurement(contract, "backlog-age", start, start.plus(7, ChronoUnit.DAYS),
                    String.format(java.util.Locale.ROOT, "%.1f", hours), null, null));
        }
        String answer = post("/api/v1/clients/globex/reporting/measurements", carolToken, "application/json",
                body.append(']').toString());
        System.out.printf("  globex KPI measurements (error-rate monthly, backlog-age weekly): received %d,"
                + " created %d, duplicates %d%n", number(answer, "received"), number(answer, "created"),
                number(answer, "duplicates"));
    }

    static String measurement(String contract, String sla, Instant start, Instant end, String value, String numerator,
            String denominator) {
        return "{\"contractId\":\"" + contract + "\",\"slaKey\":\"" + sla + "\",\"periodStart\":\"" + start
                + "\",\"periodEnd\":\"" + end + "\",\"value\":" + value
                + (numerator == null ? "" : ",\"numerator\":" + numerator + ",\"denominator\":" + denominator) + "}";
    }

    // ------------------------------------------------------------------ HTTP

    /** Records and measurements are idempotent by their ids: a 503 from a service just started is sent again. */
    static String post(String path, String token, String contentType, String body) throws Exception {
        HttpResponse<String> r;
        for (int attempt = 1; ; attempt++) {
            try {
                r = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("POST " + path + ": " + e);
            }
            if (r.statusCode() != 503 || !r.body().contains("upstream-unavailable") || attempt == 3) {
                break;
            }
            System.out.println("  POST " + path + ": service unavailable, sent again");
            Thread.sleep(1000L * attempt);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " -> HTTP " + r.statusCode() + "\n" + r.body());
        }
        return r.body();
    }

    static String token(String form) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/realms/bpo/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token: HTTP " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "access_token");
    }

    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}

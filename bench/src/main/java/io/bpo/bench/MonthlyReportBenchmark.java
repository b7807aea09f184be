package io.bpo.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monthly service review of a contract with 1,000,000 records in the month, p95 through the gateway (carol's
 * real token; reporting reads the terms from contracts-service with it and twelve months of 15-minute rollups),
 * against the raw aggregate SQL over the same records (service level in 20 s, abandonment with the short-abandon
 * rule, CSAT, inside the service hours in Europe/Paris), run as the application role under row-level security, in
 * the same run. Prints both p95s, the ratio (goal: report at least 20 times faster) and the service level each way,
 * which must agree.
 *
 * <p>Setup: a bench contract of acme ({@code BENCH-REPORT-2024}: the demo terms from 2024, scoped to the queue
 * {@code bench-report}, created once through the API and kept); 1,000,000 records of March 2024 on that queue
 * loaded with {@code COPY} as the superuser; their rollups built with the same SQL as reporting's V3 migration
 * (what ingestion maintains row by row). The records and rollups are deleted at the end. System properties:
 * {@code records} (1000000), {@code measure.seconds} (30), {@code sql.runs} (15), {@code jdbc.url}
 * (jdbc:postgresql://localhost:5432/reporting), {@code app.user}/{@code app.password} (reporting_app), {@code psql}.
 */
public final class MonthlyReportBenchmark {
    static final String CLIENT = "acme";
    static final String QUEUE = "bench-report";
    static final String REFERENCE = "BENCH-REPORT-2024";
    static final Instant FROM = Instant.parse("2024-02-29T23:00:00Z"); // March 1, 00:00 in Paris
    static final Instant TO = Instant.parse("2024-03-31T22:00:00Z"); // April 1, 00:00 in Paris (CEST)
    static final Instant CLEAN_FROM = Instant.parse("2024-02-20T00:00:00Z");
    static final Instant CLEAN_TO = Instant.parse("2024-04-10T00:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The same numbers the report computes for the service-level SLA, from the raw records. */
    static final String RAW_SQL = """
            with counted as (
                select * from interactions
                where tenant_id = ? and queue = ? and offered_at >= ? and offered_at < ?
                  and ((extract(isodow from offered_at at time zone 'Europe/Paris') between 1 and 5
                        and (offered_at at time zone 'Europe/Paris')::time >= time '08:00'
                        and (offered_at at time zone 'Europe/Paris')::time < time '20:00')
                    or (extract(isodow from offered_at at time zone 'Europe/Paris') = 6
                        and (offered_at at time zone 'Europe/Paris')::time >= time '09:00'
                        and (offered_at at time zone 'Europe/Paris')::time < time '18:00')))
            select count(*) filter (where answered_at is not null and wait_seconds <= 20) as within,
                   count(*) filter (where answered_at is not null) as answered,
                   count(*) filter (where abandoned and not coalesce(wait_seconds < 5, false)) as abandoned,
                   avg(csat) as csat,
                   count(*) as records
            from counted""";

    private MonthlyReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("records", 1_000_000);
        String psql = System.getProperty("psql", "runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d reporting");
        String token = Platform.token("carol");
        String contractId = benchContract(token);
        String report = "/api/v1/clients/" + CLIENT + "/reporting/contracts/" + contractId + "/reports/2024-03";
        try {
            clean(psql);
            long start = System.nanoTime();
            copy(psql, records);
            double copySeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            rollups(psql);
            double rollupSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Loaded %,d records of March 2024 with COPY in %.1f s; rollups built in %.1f s%n",
                    records, copySeconds, rollupSeconds);

            // the first reads compute from the rollups; later ones find the computed months while nothing changed
            long cold = System.nanoTime();
            String body = Platform.get(report, token);
            double coldReport = (System.nanoTime() - cold) / 1e6;
            String month = "/api/v1/clients/" + CLIENT + "/reporting/contracts/" + contractId
                    + "/compliance?month=2024-03";
            cold = System.nanoTime();
            Platform.get(month, token);
            double coldMonth = (System.nanoTime() - cold) / 1e6;
            System.out.printf("First (cold) reads, computed from the rollups: monthly review %.1f ms, month's"
                    + " compliance %.1f ms%n", coldReport, coldMonth);
            if (!body.matches("(?s).*\"numerator\"\\s*:\\s*[0-9].*")) {
                System.out.println("The report has no numbers for March 2024: " + body.substring(0,
                        Math.min(800, body.length())));
            }
            long[] sql = rawSql();
            System.out.printf("Service level, March 2024: report %s/%s, raw SQL %d/%d (records in service hours: %d)%n",
                    first(body, "numerator"), first(body, "denominator"), sql[0], sql[1] + sql[2], sql[4]);

            int seconds = Integer.getInteger("measure.seconds", 30);
            LoadGenerator load = new LoadGenerator(1, Duration.ofSeconds(5), Duration.ofSeconds(seconds));
            LoadGenerator.Result r = load.run("monthly report via gateway", () -> HttpRequest.newBuilder(
                            URI.create(Platform.GATEWAY + report)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").build(), 200);
            System.out.println(r);
            LoadGenerator.Result m = load.run("month's compliance via gateway", () -> HttpRequest.newBuilder(
                    URI.create(Platform.GATEWAY + month)).header("Authorization", "Bearer " + token).build(), 200);
            System.out.println(m);

            int runs = Integer.getInteger("sql.runs", 15);
            long[] micros = new long[runs];
            rawSql(); // warm the cache: the baseline reads the records from memory, as the report does its rollups
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                rawSql();
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(micros);
            long sqlP95 = micros[(int) Math.ceil(0.95 * runs) - 1];
            System.out.printf("raw aggregate SQL (%d runs): p50 %.1f ms, p95 %.1f ms%n", runs,
                    micros[runs / 2] / 1000.0, sqlP95 / 1000.0);
            System.out.printf("p95: monthly review (12 months) via gateway %.1f ms, raw SQL over the month %.1f ms:"
                    + " %.1f times faster (goal >= 20)%n", r.p95Micros() / 1000.0, sqlP95 / 1000.0,
                    (double) sqlP95 / r.p95Micros());
            System.out.printf("p95: the month's compliance via gateway %.1f ms: %.1f times faster than the raw SQL%n",
                    m.p95Micros() / 1000.0, (double) sqlP95 / m.p95Micros());
        } finally {
            clean(psql);
            System.out.println("Benchmark records and rollups deleted (acme, queue " + QUEUE + ", March 2024)");
        }
    }

    /** The raw aggregate as the application role, row-level security on: {within, answered, abandoned, csat, n}. */
    static long[] rawSql() throws Exception {
        String url = System.getProperty("jdbc.url", "jdbc:postgresql://localhost:5432/reporting");
        try (Connection c = DriverManager.getConnection(url, System.getProperty("app.user", "reporting_app"),
                System.getProperty("app.password", "reporting_app"))) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + CLIENT + "', true)");
            }
            try (PreparedStatement q = c.prepareStatement(RAW_SQL)) {
                q.setString(1, CLIENT);
                q.setString(2, QUEUE);
                q.setTimestamp(3, Timestamp.from(FROM));
                q.setTimestamp(4, Timestamp.from(TO));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    long[] out = {rs.getLong(1), rs.getLong(2), rs.getLong(3), 0, rs.getLong(5)};
                    c.commit();
                    return out;
                }
            }
        }
    }

    /** The bench contract, created once: the demo terms moved to 2024 and scoped to the bench queue. */
    static String benchContract(String token) throws Exception {
        String list = Platform.get("/api/v1/clients/" + CLIENT + "/contracts?limit=200", token);
        Matcher existing = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*\"reference\"\\s*:\\s*\""
                + REFERENCE + "\"").matcher(list);
        if (existing.find()) {
            return existing.group(1);
        }
        String terms = Files.readString(Path.of(System.getProperty("demo.terms", "scripts/demo-data/terms"),
                        "acme-1.json")).replace("\"startDate\": \"2026-01-01\"", "\"startDate\": \"2024-01-01\"")
                .replace("appels-facturation", QUEUE);
        String contract = "{\"reference\":\"" + REFERENCE + "\",\"title\":\"Monthly report benchmark\","
                + "\"engagementType\":\"BPO\",\"deliveryModel\":\"OUTSOURCED\",\"deliveryCountry\":\"TN\","
                + "\"deliveryLocation\":\"NEARSHORE\",\"startDate\":\"2024-01-01\",\"endDate\":\"2028-12-31\","
                + "\"currency\":\"EUR\",\"terms\":" + terms + "}";
        String created = send("POST", "/api/v1/clients/" + CLIENT + "/contracts", token, contract, null, 201);
        String id = Platform.field(created, "id");
        send("POST", "/api/v1/clients/" + CLIENT + "/contracts/" + id + "/activate", token, "", "\"0\"", 200);
        return id;
    }

    private static String send(String method, String path, String token, String body, String ifMatch, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static String first(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9.]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    /** COPY of generated records (seeded: every run loads the same month). */
    static void copy(String psql, int count) throws Exception {
        Random random = new Random(20240301);
        String now = Instant.now().toString();
        long span = TO.getEpochSecond() - FROM.getEpochSecond();
        StringBuilder csv = new StringBuilder(count * 200);
        for (int i = 0; i < count; i++) {
            Instant offered = FROM.plusSeconds((long) (random.nextDouble() * span));
            boolean abandoned = random.nextInt(100) < 6;
            int wait = random.nextInt(60);
            int handle = 60 + random.nextInt(600);
            csv.append(CLIENT).append(',').append(UUID.randomUUID()).append(",bench-report-").append(i)
                    .append(",PHONE,").append(QUEUE).append(',').append(offered).append(',')
                    .append(abandoned ? "" : offered.plusSeconds(wait)).append(',')
                    .append(offered.plusSeconds(wait + (abandoned ? 0 : handle))).append(',').append(wait).append(',')
                    .append(abandoned ? "" : handle).append(',').append(abandoned).append(",false,")
                    .append(abandoned ? "" : random.nextBoolean()).append(',')
                    .append(abandoned ? "" : 1 + random.nextInt(5)).append(",,agt-").append(i % 50).append(',')
                    .append(now).append(',').append(now).append('\n');
        }
        run(psql + " -c \"\\copy interactions (" + IngestionBenchmark.COLUMNS + ") from stdin with (format csv)\"",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The rollups of the loaded records, with the SQL of reporting's V3 migration (superuser: no RLS). */
    static void rollups(String psql) throws Exception {
        run(psql, ("""
                insert into interaction_rollups
                select tenant_id, date_bin('15 minutes', offered_at, timestamptz '1970-01-01 00:00Z'), coalesce(queue, ''),
                       count(*), count(answered_at), count(*) filter (where abandoned), count(*) filter (where transferred),
                       coalesce(sum(wait_seconds) filter (where answered_at is not null), 0),
                       count(wait_seconds) filter (where answered_at is not null),
                       seconds_histogram(array_agg(wait_seconds::bigint) filter (where answered_at is not null)),
                       seconds_histogram(array_agg(wait_seconds::bigint) filter (where abandoned)),
                       coalesce(sum(handle_seconds), 0), count(handle_seconds),
                       seconds_histogram(array_agg(floor(extract(epoch from ended_at - offered_at))::bigint)),
                       count(*) filter (where first_contact_resolution), count(first_contact_resolution),
                       coalesce(sum(csat), 0), count(csat), coalesce(sum(quality_score), 0), count(quality_score),
                       max(created_at)
                from interactions
                where tenant_id = '%s' and queue = '%s' and offered_at >= '%s' and offered_at < '%s'
                group by 1, 2, 3;
                analyze interaction_rollups;
                analyze interactions;
                """).formatted(CLIENT, QUEUE, FROM, TO).getBytes(StandardCharsets.UTF_8));
    }

    static void clean(String psql) throws Exception {
        run(psql, ("delete from interactions where tenant_id = '%s' and queue = '%s' and offered_at >= '%s' and"
                + " offered_at < '%s';\ndelete from interaction_rollups where tenant_id = '%s' and queue_key = '%s'"
                + " and bucket_start >= '%s' and bucket_start < '%s';\n").formatted(CLIENT, QUEUE, CLEAN_FROM,
                CLEAN_TO, CLIENT, QUEUE, CLEAN_FROM, CLEAN_TO).getBytes(StandardCharsets.UTF_8));
    }

    private static void run(String command, byte[] stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }
}

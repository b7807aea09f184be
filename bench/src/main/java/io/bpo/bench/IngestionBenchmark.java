package io.bpo.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interaction ingestion through the gateway (the machine client ingest-acme's real token, NDJSON bodies streamed,
 * validated record by record, keys checked, rows and 15-minute rollups written in one transaction) against a
 * PostgreSQL {@code COPY} of the same rows into the same table ({@code interactions}, as the superuser: COPY is
 * refused on a table with row-level security otherwise), in the same run. Prints records per second and the ratio
 * (goal: at least 0.50), and the reporting service's peak heap while it ingests batches of growing size (read from
 * its Prometheus endpoint every 20 ms): flat means the batch is streamed, not held.
 *
 * <p>The rows go to acme in January 2024, far from the demo months, and are deleted at the end (as the superuser:
 * the application may not delete records). System properties: {@code sizes} (10000,50000,100000), {@code rounds}
 * of the 100k comparison (2), {@code client.secret} (ingest-acme-secret), {@code service.url}
 * (http://localhost:8083), {@code psql} (runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d reporting).
 */
public final class IngestionBenchmark {
    static final String CLIENT = "acme";
    static final Instant MONTH = Instant.parse("2024-01-01T00:00:00Z");
    static final String COLUMNS = "tenant_id, id, external_id, channel, queue, offered_at, answered_at, ended_at,"
            + " wait_seconds, handle_seconds, abandoned, transferred, first_contact_resolution, csat, quality_score,"
            + " agent_id, received_at, created_at";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private IngestionBenchmark() {
    }

    /** One generated record, written as NDJSON for the gateway or as a CSV row for COPY. */
    record Row(String externalId, String queue, Instant offered, int waitSec, boolean abandoned, int handle, int csat) {
        String ndjson() {
            return "{\"externalId\":\"" + externalId + "\",\"channel\":\"PHONE\",\"queue\":\"" + queue
                    + "\",\"offeredAt\":\"" + offered + "\""
                    + (abandoned ? "" : ",\"answeredAt\":\"" + offered.plusSeconds(waitSec) + "\"")
                    + ",\"endedAt\":\"" + offered.plusSeconds(waitSec + handle) + "\",\"waitSeconds\":" + waitSec
                    + (abandoned ? "" : ",\"handleSeconds\":" + handle) + ",\"abandoned\":" + abandoned
                    + (abandoned ? "" : ",\"csat\":" + csat) + ",\"agentId\":\"agt-" + (waitSec % 40) + "\"}\n";
        }

        String csv(String prefix) {
            String now = Instant.now().toString();
            return CLIENT + "," + UUID.randomUUID() + "," + prefix + externalId + ",PHONE," + queue + "," + offered
                    + "," + (abandoned ? "" : offered.plusSeconds(waitSec)) + "," + offered.plusSeconds(waitSec + handle)
                    + "," + waitSec + "," + (abandoned ? "" : handle) + "," + abandoned + ",false,,"
                    + (abandoned ? "" : csat) + ",,agt-" + (waitSec % 40) + "," + now + "," + now + "\n";
        }
    }

    static Row[] rows(String prefix, int count, long seed) {
        Random random = new Random(seed);
        Row[] rows = new Row[count];
        for (int i = 0; i < count; i++) {
            boolean abandoned = random.nextInt(10) == 0;
            rows[i] = new Row(prefix + i, List.of("billing", "claims", "sales").get(random.nextInt(3)),
                    MONTH.plusSeconds(random.nextInt(31 * 86_400)), random.nextInt(90), abandoned,
                    60 + random.nextInt(600), 1 + random.nextInt(5));
        }
        return rows;
    }

    public static void main(String[] args) throws Exception {
        String token = clientToken();
        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        String psql = System.getProperty("psql", "runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d reporting");
        String service = System.getProperty("service.url", "http://localhost:8083");
        try {
            System.out.println("Memory while ingesting through the gateway (reporting-service heap, peak over"
                    + " the request):");
            for (String size : System.getProperty("sizes", "10000,50000,100000").split(",")) {
                int n = Integer.parseInt(size.trim());
                Row[] rows = rows(run + "m" + n + "-", n, n);
                byte[] body = ndjson(rows);
                long before = heap(service, ALL_HEAP);
                long oldBefore = heap(service, OLD_GEN);
                Result r = postWatchingHeap(token, body, service);
                System.out.printf("  %,7d records (%,6.1f MB of NDJSON): %,6.0f records/s, heap before %,5.0f MB,"
                        + " peak %,5.0f MB; old generation (what survives collections) before %,5.0f MB, peak"
                        + " %,5.0f MB%n", n, body.length / 1e6, n / r.seconds, before / 1e6, r.peakHeap / 1e6,
                        oldBefore / 1e6, r.peakOld / 1e6);
            }
            int rounds = Integer.getInteger("rounds", 2);
            double gatewayBest = 0;
            double copyBest = 0;
            for (int round = 1; round <= rounds; round++) {
                Row[] rows = rows(run + "r" + round + "-", 100_000, 1000 + round);
                byte[] body = ndjson(rows);
                Result g = postWatchingHeap(token, body, service);
                double gatewayRate = rows.length / g.seconds;
                double copyRate = rows.length / copy(psql, rows, "c");
                // the same rows again, other ids, straight to the service: what the gateway costs
                Row[] direct = rows(run + "s" + round + "-", 100_000, 1000 + round);
                double serviceRate = direct.length / post(URI.create(service + "/api/v1/clients/" + CLIENT
                        + "/reporting/interactions"), token, ndjson(direct));
                System.out.printf("Round %d, 100,000 records: gateway %,8.0f records/s, service alone %,8.0f"
                        + " records/s, COPY %,8.0f records/s, ratio %.2f (service alone %.2f)%n", round, gatewayRate,
                        serviceRate, copyRate, gatewayRate / copyRate, serviceRate / copyRate);
                gatewayBest = Math.max(gatewayBest, gatewayRate);
                copyBest = Math.max(copyBest, copyRate);
            }
            System.out.printf("Best of %d: gateway %,.0f records/s, COPY %,.0f records/s: ratio %.2f (goal >= 0.50)%n",
                    rounds, gatewayBest, copyBest, gatewayBest / copyBest);
        } finally {
            sql(psql, "delete from interaction_keys where tenant_id = '" + CLIENT + "' and external_id like '" + run
                    + "%';\ndelete from interactions where tenant_id = '" + CLIENT + "' and (external_id like '" + run
                    + "%' or external_id like 'c" + run + "%');\n"
                    + "delete from interaction_rollups where tenant_id = '" + CLIENT + "' and bucket_start >= '"
                    + MONTH + "' and bucket_start < '" + MONTH.plusSeconds(31 * 86_400) + "';\n");
            System.out.println("Benchmark rows deleted (" + run + "*)");
        }
    }

    static byte[] ndjson(Row[] rows) {
        StringBuilder body = new StringBuilder(rows.length * 260);
        for (Row row : rows) {
            body.append(row.ndjson());
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    record Result(double seconds, long peakHeap, long peakOld) {
    }

    static final Pattern ALL_HEAP = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)");
    static final Pattern OLD_GEN = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*id=\"[^\"]*Old Gen\"[^}]*} ([0-9.E+]+)");

    static Result postWatchingHeap(String token, byte[] body, String service) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong peak = new AtomicLong();
        AtomicLong peakOld = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                try {
                    peak.accumulateAndGet(heap(service, ALL_HEAP), Math::max);
                    peakOld.accumulateAndGet(heap(service, OLD_GEN), Math::max);
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Platform.GATEWAY + "/api/v1/clients/" + CLIENT + "/reporting/interactions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        done.set(true);
        watcher.join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Ingestion failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return new Result(seconds, peak.get(), peakOld.get());
    }

    /** Seconds to POST one NDJSON body. */
    static double post(URI uri, String token, byte[] body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Ingestion failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return seconds;
    }

    /** The service's heap in use: the sum of jvm_memory_used_bytes over the heap pools the pattern selects. */
    static long heap(String service, Pattern pools) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = pools.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    /** Seconds to COPY the rows into interactions as the superuser (psql reading CSV on standard input). */
    static double copy(String psql, Row[] rows, String prefix) throws Exception {
        StringBuilder csv = new StringBuilder(rows.length * 220);
        for (Row row : rows) {
            csv.append(row.csv(prefix));
        }
        byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        run(psql + " -c \"\\copy interactions (" + COLUMNS + ") from stdin with (format csv)\"", data);
        return (System.nanoTime() - start) / 1e9;
    }

    static void sql(String psql, String statements) throws Exception {
        run(psql, statements.getBytes(StandardCharsets.UTF_8));
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

    /** The machine client's token (client-credentials grant), as the provider's tools get it. */
    static String clientToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=ingest-acme&client_secret="
                + URLEncoder.encode(System.getProperty("client.secret", "ingest-acme-secret"), StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Platform.KEYCLOAK + "/realms/bpo/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for ingest-acme: " + response.body());
        }
        return Platform.field(response.body(), "access_token");
    }
}

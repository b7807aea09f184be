package io.bpo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Durability: the gateway is killed with SIGKILL while requests stream through it, then restarted with
 * {@code ./platform up --no-build --no-demo}; every request id that got a 2xx is in the access log and the
 * client's chain still verifies. The restart runs in a finally block, so a failing test does not leave the
 * platform without its gateway.
 */
class AccessLogCrashIT extends PlatformClient {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path GATEWAY_PID = ROOT.resolve(".run/pids/gateway.pid");
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

    @Test
    void everyAnswerGivenBeforeASigkillIsInTheLog() throws Exception {
        long pid = Long.parseLong(Files.readString(GATEWAY_PID).trim());
        ProcessHandle gateway = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no gateway process " + pid + " (./platform up)"));
        String token = token(ALICE);
        String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant since = Instant.now().minusSeconds(5);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            for (int w = 0; w < 8; w++) {
                workers.submit(() -> {
                    while (!stop.get()) {
                        String requestId = prefix + sequence.incrementAndGet();
                        try {
                            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                            URI.create(GATEWAY_URL + "/api/v1/clients/" + ACME + "/contracts?limit=1"))
                                    .header("Authorization", "Bearer " + token).header("X-Request-Id", requestId)
                                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                                answered.add(requestId);
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(3000);
            int beforeKill = answered.size();
            assertTrue(gateway.destroyForcibly(), "SIGKILL sent");
            gateway.onExit().get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            stop.set(true);
            workers.shutdown();
            assertTrue(workers.awaitTermination(30, TimeUnit.SECONDS));
            assertTrue(beforeKill > 50, "load was running before the kill: " + beforeKill + " answers");
            assertTrue(failures.get() > 0, "requests were failing after the kill");
        } finally {
            stop.set(true);
            workers.shutdownNow();
            restartPlatform();
        }

        Set<String> logged = loggedRequestIds(since, prefix);
        List<String> missing = new ArrayList<>();
        for (String id : answered) {
            if (!logged.contains(id)) {
                missing.add(id);
            }
        }
        assertEquals(List.of(), missing, answered.size() + " answered with 2xx, " + missing.size()
                + " of them not in the access log");
        as(ERIN).queryParam("clientId", ACME).get("/api/v1/audit/access-log/verify")
                .then().statusCode(200).body("chains[0].valid", org.hamcrest.Matchers.equalTo(true));
    }

    /** Request ids of alice's acme entries since the start, from the streamed NDJSON export. */
    private static Set<String> loggedRequestIds(Instant since, String prefix) {
        String body = as(ERIN).accept(AccessLogExportIT.NDJSON).queryParam("clientId", ACME)
                .queryParam("from", since.toString())
                .get("/api/v1/audit/access-log/export").then().statusCode(200).extract().asString();
        // only a complete export proves an id missing: it ends with its trailer
        assertTrue(body.stripTrailing().substring(body.stripTrailing().lastIndexOf('\n') + 1)
                .startsWith("{\"export\":\"complete\""), "the export is incomplete");
        Set<String> ids = new HashSet<>();
        Matcher m = REQUEST_ID.matcher(body);
        while (m.find()) {
            if (m.group(1).startsWith(prefix)) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static void restartPlatform() throws Exception {
        Process up = new ProcessBuilder(ROOT.resolve("platform").toString(), "up", "--no-build", "--no-demo")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        byte[] output = up.getInputStream().readAllBytes();
        if (!up.waitFor(300, TimeUnit.SECONDS)) {
            up.destroyForcibly();
            throw new IllegalStateException("./platform up did not finish");
        }
        assertEquals(0, up.exitValue(), "./platform up --no-build --no-demo:\n"
                + new String(output, StandardCharsets.UTF_8));
    }
}

package io.bpo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No event lost when the services die: notifications-service is killed (SIGKILL), a change request is committed
 * while it is down (the relay cannot deliver), then contracts-service itself is killed with its event still in the
 * outbox. After {@code ./platform up --no-build --no-demo} restarts both, the event reaches alice exactly once.
 */
class NotificationsCrashIT extends PlatformClient {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DEMO_TERMS = Path.of(System.getProperty("demo.terms", "../scripts/demo-data/terms"));
    static final String ACME_CONTRACTS = "/api/v1/clients/" + ACME + "/contracts";

    @Test
    void eventCommittedWhileTheConsumerWasDownIsDeliveredOnceAfterBothRestart() throws Exception {
        String reference = "E2E-CRASH-" + UUID.randomUUID().toString().substring(0, 8);
        String path = activeContract(reference);
        try {
            kill("notifications-service");
            ObjectNode terms = (ObjectNode) JSON.readTree(Files.readString(DEMO_TERMS.resolve("acme-1.json")));
            ((ObjectNode) terms.withArray("slas").get(1)).put("target", 4).put("warning", 3.5);
            as(CAROL).body(Map.of("reason", "crash test", "effectiveFrom", "2026-10-01",
                    "terms", JSON.convertValue(terms, Map.class))).post(path + "/change-requests").then()
                    .statusCode(201);
            Thread.sleep(2000); // the relay tried and failed: the event waits in contracts' outbox
            kill("contracts-service");
        } finally {
            restartPlatform();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long seen = 0;
        while (Instant.now().isBefore(deadline)) {
            seen = titlesFor(reference);
            if (seen > 0) {
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(3000); // a redelivery, were there one, would have landed by now
        assertEquals(1, titlesFor(reference), "notifications about " + reference);
    }

    private static long titlesFor(String reference) {
        return as(ALICE).get("/api/v1/me/notifications?limit=200").then().statusCode(200).extract()
                .<List<String>>path("items.title").stream().filter(t -> t.contains(reference)).count();
    }

    private static String activeContract(String reference) throws Exception {
        ObjectNode terms = (ObjectNode) JSON.readTree(Files.readString(DEMO_TERMS.resolve("acme-1.json")));
        Map<String, Object> contract = Map.of("reference", reference, "title", "E2E crash " + reference,
                "engagementType", "BPO", "deliveryModel", "OUTSOURCED", "deliveryCountry", "TN",
                "deliveryLocation", "NEARSHORE", "startDate", "2026-01-01", "endDate", "2028-12-31", "currency", "EUR",
                "terms", JSON.convertValue(terms, Map.class));
        String path = ACME_CONTRACTS + "/" + as(CAROL).body(contract).post(ACME_CONTRACTS)
                .then().statusCode(201).extract().path("id");
        as(CAROL).header("If-Match", "\"0\"").post(path + "/activate").then().statusCode(200);
        return path;
    }

    private static void kill(String module) throws Exception {
        long pid = Long.parseLong(Files.readString(ROOT.resolve(".run/pids/" + module + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no " + module + " process " + pid + " (./platform up)"));
        assertTrue(process.destroyForcibly(), "SIGKILL sent to " + module);
        process.onExit().get(10, TimeUnit.SECONDS);
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

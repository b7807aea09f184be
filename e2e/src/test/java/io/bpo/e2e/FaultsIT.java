package io.bpo.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The platform lives through its weekly faults under load: PostgreSQL restarted, Keycloak stopped and started
 * again, contracts-service killed (SIGKILL) mid-request and started again. The drill is the fault benchmark
 * ({@code ./platform bench faults}, bench module's FaultRecoveryBenchmark), run once for the whole class; each test
 * judges one fault from the figures it writes.
 * <p>
 * It restarts the machine's PostgreSQL: it runs in the e2e suite, which runs under the platform lock.
 */
class FaultsIT extends PlatformClient {

    static final String KILLED = "contracts-service";
    static final String[] APPS = { "gateway", "contracts-service", "knowledge-service", "reporting-service" };
    static final Properties FIGURES = new Properties();

    @BeforeAll
    static void drill() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path report = Path.of("target/faults.properties").toAbsolutePath();
        Files.deleteIfExists(report);
        Process process = new ProcessBuilder(root.resolve("platform").toString(), "bench", "faults",
                "-Dfaults.report=" + report, "-Dplatform.root=" + root)
                .directory(root.toFile()).inheritIO().start();
        // three faults of about 20 s each, plus Keycloak's and an app's start
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the fault drill did not finish within 6 minutes");
        }
        assertEquals(0, process.exitValue(), "./platform bench faults failed (see its output above)");
        try (Reader in = Files.newBufferedReader(report)) {
            FIGURES.load(in);
        }
    }

    @Test
    void databaseRestartAnswers503ProblemsOnlyAndEveryAppRecovers() {
        assertAll(common("database"));
        assertAll(List.of(APPS).stream().map(app -> (Executable) () -> assertTrue(
                flag("database.readinessWentDown." + app), app + " readiness did not go down while the database was away"))
                .toList());
        assertTrue(Double.isFinite(number("database.recoverySeconds")), "an endpoint never answered 2xx again");
    }

    @Test
    void keycloakRestartFailsNoRequestWithAVerifiedTokenAndNewTokensWorkAgain() {
        assertAll(common("keycloak"));
        assertEquals(0, (int) number("keycloak.allowedErrors"), "no error at all while Keycloak is away");
        assertAll(List.of(APPS).stream().map(app -> (Executable) () -> assertEquals(false,
                flag("keycloak.readinessWentDown." + app), app + " readiness went down while Keycloak restarted"))
                .toList());
        assertTrue(Double.isFinite(number("keycloak.newTokenSeconds")), "a new token was never served");
    }

    @Test
    void killedServiceIsBadGatewayOrUnavailableProblemThenHealthyAgain() {
        assertAll(common("service"));
        assertTrue(flag("service.readinessWentDown." + KILLED), "the killed app was never seen down");
        assertEquals(false, flag("service.readinessWentDown.gateway"), "the gateway left rotation for one service");
        assertTrue(Double.isFinite(number("service.recoverySeconds")), "an endpoint never answered 2xx again");
    }

    /** Every fault: answers 2xx or the fault's own problem+json, no entry lost or doubled, all ready, never dead. */
    private static List<Executable> common(String fault) {
        List<Executable> checks = new java.util.ArrayList<>();
        checks.add(() -> assertTrue(number(fault + ".ok") > 0, fault + ": no 2xx answer at all"));
        checks.add(() -> assertEquals(0, (int) number(fault + ".other"),
                fault + ": answers other than 2xx and the fault's problems: " + FIGURES.getProperty(fault + ".otherSample")));
        checks.add(() -> assertEquals(0, (int) number(fault + ".lost"), fault + ": 2xx answers without their access-log entry"));
        checks.add(() -> assertEquals(0, (int) number(fault + ".duplicated"), fault + ": requests logged twice"));
        for (String app : APPS) {
            checks.add(() -> assertTrue(flag(fault + ".readyAfter." + app), fault + ": " + app + " not ready after"));
            if (fault.equals("service") && app.equals(KILLED)) {
                continue; // killed: its probes fail until it is started again
            }
            checks.add(() -> assertEquals(0, (int) number(fault + ".livenessFailures." + app),
                    fault + ": " + app + " liveness failed (Kubernetes would have restarted it)"));
        }
        return checks;
    }

    private static double number(String key) {
        String value = FIGURES.getProperty(key);
        assertTrue(value != null, "no figure " + key + " in the drill's report");
        return Double.parseDouble(value);
    }

    private static boolean flag(String key) {
        String value = FIGURES.getProperty(key);
        assertTrue(value != null, "no figure " + key + " in the drill's report");
        return Boolean.parseBoolean(value);
    }
}

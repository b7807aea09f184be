package io.bpo.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tools/VerifyAccessLog.java, the auditors' offline verifier, exactly as the docs tell them to. */
public final class OfflineVerifier {

    /** Exit status and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    private OfflineVerifier() {
    }

    public static Path tool() {
        // surefire runs in the module's directory; the tool lives at the repository root
        Path tool = Path.of("..", "tools", "VerifyAccessLog.java").toAbsolutePath().normalize();
        if (!Files.isRegularFile(tool)) {
            throw new IllegalStateException("verifier not found at " + tool);
        }
        return tool;
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(tool().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the verifier did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

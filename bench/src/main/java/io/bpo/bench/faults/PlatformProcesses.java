package io.bpo.bench.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The faults themselves, on the platform {@code ./platform up} started on this machine: restart the machine's
 * PostgreSQL, stop Keycloak, kill an app, and bring back what was stopped with {@code ./platform up}. Processes are
 * found by the pid files the platform script writes under {@code .run/pids}, never by name.
 */
public final class PlatformProcesses {

    private final Path root;
    private final List<String> pgCtl;

    /**
     * @param root the repository's root (where {@code platform} is)
     * @param pgCtl the command that stops or starts PostgreSQL given {@code stop} or {@code start}, e.g.
     *        {@code pg_ctlcluster 15 main}
     */
    public PlatformProcesses(Path root, List<String> pgCtl) {
        this.root = root;
        this.pgCtl = List.copyOf(pgCtl);
    }

    /**
     * Restarts PostgreSQL, staying down for {@code down} (a failover's or an upgrade's few seconds; a bare restart
     * on this machine is over before the apps' probes notice); returns the epoch milliseconds at which it accepts
     * connections again.
     */
    public long restartDatabase(Duration down) throws IOException, InterruptedException {
        run(with(pgCtl, "stop"), Duration.ofSeconds(60));
        Thread.sleep(down.toMillis());
        run(with(pgCtl, "start"), Duration.ofSeconds(60));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (exitCode(List.of("pg_isready", "-q", "-h", "localhost", "-p", "5432"), Duration.ofSeconds(5)) == 0) {
                return System.currentTimeMillis();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within 60 s of its restart");
    }

    /** Stops a component the platform started (its whole process group): SIGTERM, or SIGKILL when {@code hard}. */
    public void stop(String component, boolean hard) throws IOException, InterruptedException {
        Path pidFile = root.resolve(".run/pids/" + component + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(component + " (pid " + pid + ") is not running"));
        run(List.of("kill", hard ? "-KILL" : "-TERM", "--", "-" + pid), Duration.ofSeconds(10));
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(component + " (pid " + pid + ") did not stop within 60 s", e);
        }
    }

    /** {@code ./platform up --no-build --no-demo}: starts what is not running and waits until it is ready. */
    public void up() throws IOException, InterruptedException {
        run(List.of(root.resolve("platform").toString(), "up", "--no-build", "--no-demo"), Duration.ofMinutes(5));
    }

    private static List<String> with(List<String> command, String argument) {
        List<String> full = new java.util.ArrayList<>(command);
        full.add(argument);
        return full;
    }

    private void run(List<String> command, Duration max) throws IOException, InterruptedException {
        int code = exitCode(command, max);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code
                    + " (its output: " + log() + ")");
        }
    }

    private int exitCode(List<String> command, Duration max) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + max);
        }
        return process.exitValue();
    }

    private Path log() throws IOException {
        Path dir = root.resolve(".run/logs");
        Files.createDirectories(dir);
        return dir.resolve("faults.log");
    }
}

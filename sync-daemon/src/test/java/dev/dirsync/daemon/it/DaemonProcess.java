package dev.dirsync.daemon.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code dirsync daemon} in a JVM of its own, on the test class path; its output goes to a file. */
public final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static DaemonProcess start(DaemonFixture fixture, String name, Map<String, String> environment) {
        Path log = fixture.dir().resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.dirsync.daemon.Main");
        command.add("daemon");
        command.add("--config");
        command.add(fixture.config().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            DaemonProcess daemon = new DaemonProcess(builder.start(), log);
            daemon.awaitUp(fixture);
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(DaemonFixture fixture) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the daemon exited with " + process.exitValue() + ":\n" + output());
            }
            if (Files.exists(fixture.tokenFile()) && new Api(fixture.adminUrl(), fixture.token()).up()) {
                return;
            }
            Waits.sleep(200);
        }
        throw new AssertionError("the daemon did not come up within 60 s:\n" + output());
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** kill -9. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGTERM; returns the exit code, or fails when the process outlives {@code within}. */
    public int terminate(Duration within) {
        process.destroy();
        if (!waitFor(within)) {
            throw new AssertionError(
                    "the daemon did not stop within " + within.toSeconds() + " s after SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }
}

package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's chromium headless, one process per page load, with a fresh profile and no network
 * services. {@code --virtual-time-budget} lets the page's script finish before the DOM is dumped or
 * the screenshot taken.
 */
final class HeadlessChromium {
    static final String MISSING = "chromium not found; install Debian's chromium to run the HTML report browser test";
    private static final long TIMEOUT_SECONDS = 90;
    private static final String VIRTUAL_TIME_BUDGET_MS = "5000";

    private final Path executable;
    private final Path workDir;
    private int runs;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** Chromium, or the test is skipped, or (with CI=true) fails, saying what to install. */
    static HeadlessChromium requireOrSkip(Path workDir) {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(MISSING + " (CI=true: the browser test must run)");
            }
            System.err.println("[HtmlReportBrowserIT skipped] " + MISSING);
            Assumptions.abort(MISSING);
        }
        return new HeadlessChromium(found.get(), workDir);
    }

    private static Optional<Path> locate() {
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        return path == null
                ? Optional.empty()
                : Stream.of(path.split(File.pathSeparator))
                        .filter(dir -> !dir.isEmpty())
                        .map(dir -> Path.of(dir, "chromium"))
                        .filter(Files::isExecutable)
                        .findFirst();
    }

    /** The page's DOM once its script has run. */
    String dumpDom(URI page) throws IOException, InterruptedException {
        Path stdout = run(List.of("--dump-dom", page.toString()));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    void screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(List.of(
                "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--hide-scrollbars",
                page.toString()));
        assertThat(png).as("screenshot written by chromium").isNotEmptyFile();
    }

    private Path run(List<String> arguments) throws IOException, InterruptedException {
        int run = ++runs;
        Path profile = Files.createDirectories(workDir.resolve("profile-" + run));
        Path stdout = workDir.resolve("chromium-" + run + ".out");
        Path stderr = workDir.resolve("chromium-" + run + ".err");
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s; see " + stderr);
        }
        assertThat(process.exitValue())
                .as("chromium exit status; see %s", stderr)
                .isZero();
        return stdout;
    }
}

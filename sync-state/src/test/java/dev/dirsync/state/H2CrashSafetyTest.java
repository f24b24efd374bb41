package dev.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.state.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL right after a call returned keeps what the call wrote: the child
 * acknowledges each save on stdout, is killed in the middle of writing, and every acknowledged
 * object is in the file afterwards.
 */
class H2CrashSafetyTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 500;

    @TempDir
    Path dir;

    @Test
    void writesThatReturned_surviveKill9() throws Exception {
        StateStoreSettings settings = StateStoreSettings.h2File(dir.resolve("state"));
        Process child = new ProcessBuilder(
                        javaExecutable(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        settings.url())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        long runId = -1;
        int lastSaved = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("run ")) {
                    runId = Long.parseLong(line.substring(4));
                } else if (line.startsWith("saved ")) {
                    lastSaved = Integer.parseInt(line.substring(6));
                    if (lastSaved + 1 >= ACKNOWLEDGED_BEFORE_KILL) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastSaved + 1)
                .as("objects acknowledged before the kill (see %s)", dir.resolve("child.err"))
                .isEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        try (JdbcStateStore store = JdbcStateStore.open(settings)) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i <= lastSaved; i++) {
                if (!store.object(StateFixtures.anchor(i)).equals(Optional.of(StateFixtures.object(i)))) {
                    missing.add(i);
                }
            }
            assertThat(missing).as("acknowledged objects lost").isEmpty();
            assertThat(store.failAbandonedRuns("interrupted")).isEqualTo(1);
            assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

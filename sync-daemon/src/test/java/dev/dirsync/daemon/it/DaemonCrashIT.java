package dev.dirsync.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as its own process, stopped mid-export twice (SIGTERM, then kill -9), then run to the
 * end: the cloud ends up with every exportable user exactly once, the interrupted runs are recorded
 * as failed, and a further run writes nothing.
 */
class DaemonCrashIT {
    private static final int USERS = 300;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private CloudEmulator cloud;
    private DaemonProcess daemon;

    @BeforeEach
    void startCloud() {
        cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId(DaemonFixture.CLIENT_ID)
                .clientSecret(DaemonFixture.CLIENT_SECRET)
                .writesPerSecond(40)
                .build());
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        cloud.close();
    }

    @Test
    void stoppedAndKilledMidExport_noDuplicates_everyUserOnce_andTheNextRunWritesNothing() {
        DaemonFixture fixture =
                DaemonFixture.create(dir, USERS, cloud.url(), null, "schedule:\n  deltaInterval: PT1H\n");

        // 1) SIGTERM mid-export: the batch in flight lands, the run is recorded as stopped, the process exits
        daemon = DaemonProcess.start(fixture, "daemon-1", Map.of());
        Api api = new Api(fixture.adminUrl(), fixture.token());
        long stopped = startFull(api);
        Waits.until(
                "the export to be under way",
                Duration.ofSeconds(60),
                () -> cloud.users().size() >= 40);
        long started = System.nanoTime();
        daemon.terminate(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        int afterStop = cloud.users().size();
        assertThat(afterStop).isLessThan(USERS - 20);

        // 2) kill -9 mid-export
        daemon = DaemonProcess.start(fixture, "daemon-2", Map.of());
        JsonNode first = api.get("/api/runs/" + stopped).json();
        assertThat(first.path("status").asText()).isEqualTo("failed");
        assertThat(first.path("note").asText()).isEqualTo("stopped by shutdown");
        long killed = startFull(api);
        Waits.until(
                "more users exported",
                Duration.ofSeconds(60),
                () -> cloud.users().size() >= afterStop + 40);
        daemon.kill();
        int afterKill = cloud.users().size();

        // 3) restarted: the killed run is marked failed; a full run completes the export
        daemon = DaemonProcess.start(fixture, "daemon-3", Map.of());
        JsonNode abandoned = api.get("/api/runs/" + killed).json();
        assertThat(abandoned.path("status").asText()).isEqualTo("failed");
        assertThat(abandoned.path("note").asText()).startsWith("interrupted");
        JsonNode completing = awaitFinished(api, startFull(api));
        assertThat(completing.path("status").asText()).isIn("success", "partial");
        assertThat(completing.path("counts").path("failed").asLong()).isZero();
        assertThat(completing.path("counts").path("created").asLong())
                .isEqualTo(cloud.users().size() - afterKill);

        List<Map<String, Object>> users = cloud.users();
        assertThat(unique(users, "onPremisesImmutableId")).hasSize(users.size());
        assertThat(unique(users, "userPrincipalName")).hasSize(users.size());

        // 4) nothing left to do: every exportable user is in the cloud, unchanged
        long writesBefore = cloud.stats().writes();
        JsonNode last = awaitFinished(api, startFull(api));
        JsonNode counts = last.path("counts");
        assertThat(counts.path("created").asLong()
                        + counts.path("updated").asLong()
                        + counts.path("deleted").asLong())
                .isZero();
        assertThat(counts.path("unchanged").asLong()).isEqualTo(users.size());
        assertThat(counts.path("read").asLong())
                .isEqualTo(counts.path("skipped").asLong()
                        + counts.path("blocked").asLong()
                        + counts.path("unchanged").asLong());
        assertThat(cloud.stats().writes()).isEqualTo(writesBefore);
        assertThat(daemon.terminate(Duration.ofSeconds(30))).isIn(0, 143);
    }

    private static long startFull(Api api) {
        Api.Reply reply = api.post("/api/runs?type=full", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("runId").asLong();
    }

    /** The run's record is final, and the daemon has let go of it (the next request starts at once). */
    private static JsonNode awaitFinished(Api api, long runId) {
        JsonNode run = api.await(
                "/api/runs/" + runId,
                record -> !"running".equals(record.path("status").asText()),
                RUN_TIMEOUT);
        api.await("/api/status", status -> !status.path("current").isObject(), RUN_TIMEOUT);
        return run;
    }

    private static Set<String> unique(List<Map<String, Object>> users, String property) {
        Set<String> values = new HashSet<>();
        users.forEach(user -> values.add(String.valueOf(user.get(property)).toLowerCase(Locale.ROOT)));
        return values;
    }
}

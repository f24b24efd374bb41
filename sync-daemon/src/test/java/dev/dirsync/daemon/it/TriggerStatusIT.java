package dev.dirsync.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands against a daemon running as its own process. */
class TriggerStatusIT {
    @TempDir
    Path dir;

    private CloudEmulator cloud;
    private DaemonProcess daemon;
    private DaemonFixture fixture;

    @BeforeEach
    void start() {
        cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId(DaemonFixture.CLIENT_ID)
                .clientSecret(DaemonFixture.CLIENT_SECRET)
                .writesPerSecond(60)
                .build());
        fixture = DaemonFixture.create(dir, 150, cloud.url(), null, null);
        daemon = DaemonProcess.start(fixture, "daemon", Map.of());
    }

    @AfterEach
    void stop() {
        daemon.close();
        cloud.close();
    }

    @Test
    void trigger_followsTheRun_status_runsShow_metrics_andRemovalsWithoutADaemon() {
        String config = fixture.config().toString();

        CompletableFuture<Cli> full =
                CompletableFuture.supplyAsync(() -> Cli.run("trigger", "--config", config, "--full"));
        Waits.until(
                "the full run to be in progress",
                Duration.ofSeconds(30),
                () -> cloud.users().size() > 10);
        Cli delta = Cli.run("trigger", "--config", config, "--delta");
        Cli first = full.join();

        assertThat(first.exitCode()).as(first.err()).isIn(0, 1);
        assertThat(first.out()).matches("(?s)run 1 \\(full\\) (success|partial): read=\\d+ .*");
        assertThat(first.err()).contains("full run 1 started");
        assertThat(delta.err())
                .contains("a run is in progress (run 1, full")
                .contains("a delta run is queued after it");
        // the embedded directory keeps no change log: a delta request reads in full
        assertThat(delta.out()).containsPattern("run 2 \\((delta|full)\\) ");
        assertThat(delta.exitCode()).isIn(0, 1);

        Cli status = Cli.run("status", "--config", config);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out())
                .contains("schedule: delta every PT30M")
                .contains("current: none")
                .contains("last runs:")
                .contains("operator@");

        Cli show = Cli.run("runs", "show", "1", "--config", config);
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("run 1: full").contains("counts:").contains("errors:");
        assertThat(Cli.run("runs", "show", "99", "--config", config).err()).contains("no run 99");

        Cli pending = Cli.run("pending", "--config", config);
        assertThat(pending.out()).contains("schedule.staging is off").contains("0 removal(s) held");

        Api api = new Api(fixture.adminUrl(), fixture.token());
        String metrics = api.get("/metrics").body();
        assertThat(metrics)
                .contains("dirsync_runs_total{mode=\"done\",status=")
                .containsPattern("dirsync_run_duration_seconds_count\\{type=\"full\"} [12]\n")
                .contains("dirsync_objects_exported_total " + cloud.users().size() + ".0");

        Cli approveViaDaemon = Cli.run("removals", "approve", "--config", config);
        assertThat(approveViaDaemon.out()).contains("no pending removals").contains("via the daemon");

        assertThat(daemon.terminate(Duration.ofSeconds(30))).isIn(0, 143);
        Cli approveDirect = Cli.run("removals", "approve", "--run", "1", "--config", config);
        assertThat(approveDirect.exitCode()).as(approveDirect.err()).isZero();
        assertThat(approveDirect.out()).contains("no pending removals of run 1").contains("via the state store");
        Cli down = Cli.run("status", "--config", config);
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.err()).contains("no dirsync daemon answers at http://127.0.0.1:" + fixture.adminPort());
    }
}

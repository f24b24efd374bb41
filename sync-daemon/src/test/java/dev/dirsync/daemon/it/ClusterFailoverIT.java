package dev.dirsync.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one PostgreSQL state database with a delta every 5 seconds: each scheduled slot
 * runs exactly once, on one of them; when the one running the jobs is killed, the other takes over.
 */
class ClusterFailoverIT {
    private static final String SCHEDULE =
            """
            schedule:
              deltaInterval: PT5S
              fullCron: 0 0 3 1 1 ? 2099
            """;

    @TempDir
    Path dir;

    private CloudEmulator cloud;
    private final List<DaemonProcess> daemons = new ArrayList<>();
    private String stateUrl;

    @BeforeEach
    void start() throws SQLException {
        TestPostgres.require();
        stateUrl = TestPostgres.freshDatabase("dirsync_cluster_it");
        cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId(DaemonFixture.CLIENT_ID)
                .clientSecret(DaemonFixture.CLIENT_SECRET)
                .build());
    }

    @AfterEach
    void stop() {
        daemons.forEach(DaemonProcess::close);
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void eachSlotRunsOnce_andTheSurvivorTakesOverWithinAMinute() throws SQLException {
        DaemonFixture a = DaemonFixture.create(dir.resolve("a"), 20, cloud.url(), stateUrl, SCHEDULE);
        DaemonFixture b = DaemonFixture.create(dir.resolve("b"), 20, cloud.url(), stateUrl, SCHEDULE);
        DaemonProcess first = DaemonProcess.start(a, "daemon-a", Map.of());
        daemons.add(first);
        DaemonProcess second = DaemonProcess.start(b, "daemon-b", Map.of());
        daemons.add(second);

        Waits.sleep(30_000);
        Map<String, Integer> perSlot = runsPerSlot();
        assertThat(perSlot.size()).as("slots run in 30 s at PT5S").isGreaterThanOrEqualTo(4);
        assertThat(perSlot.values()).as("runs per slot: " + perSlot).allMatch(count -> count == 1);
        assertThat(runs()).allSatisfy(run -> assertThat(run.status()).isIn("success", "partial", "running"));

        Run latest = runs().get(runs().size() - 1);
        DaemonProcess victim = latest.node().endsWith("-" + first.pid()) ? first : second;
        DaemonProcess survivor = victim == first ? second : first;
        Instant killedAt = Instant.now();
        victim.kill();

        Waits.until("the survivor to run scheduled slots", Duration.ofSeconds(60), () -> runs().stream()
                .filter(run -> run.node().endsWith("-" + survivor.pid())
                        && run.started().isAfter(killedAt))
                .anyMatch(run -> run.status().equals("success") || run.status().equals("partial")));
        Waits.sleep(12_000);
        List<Run> after =
                runs().stream().filter(run -> run.started().isAfter(killedAt)).toList();
        assertThat(after).allSatisfy(run -> assertThat(run.node()).endsWith("-" + survivor.pid()));
        assertThat(after.size()).as("slots taken over").isGreaterThanOrEqualTo(2);
        assertThat(runsPerSlot().values())
                .as("runs per slot after the failover")
                .allMatch(count -> count == 1);
        assertThat(survivor.alive()).isTrue();
        assertThat(cloud.users()).hasSize((int) cloud.users().stream()
                .map(u -> u.get("onPremisesImmutableId"))
                .distinct()
                .count());
    }

    private record Run(long id, String trigger, String status, Instant started) {
        String slot() {
            return trigger.substring(0, trigger.indexOf(" on "));
        }

        String node() {
            return trigger.substring(trigger.indexOf(" on ") + 4);
        }
    }

    private List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        try (Connection connection = TestPostgres.connect(stateUrl);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, trigger, status, started FROM run WHERE trigger LIKE 'schedule at %' ORDER BY id");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                Timestamp started = result.getTimestamp(4);
                runs.add(new Run(result.getLong(1), result.getString(2), result.getString(3), started.toInstant()));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read the run table: " + e.getMessage(), e);
        }
        return runs;
    }

    private Map<String, Integer> runsPerSlot() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        runs().forEach(run -> counts.merge(run.slot(), 1, Integer::sum));
        return counts;
    }
}

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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one PostgreSQL state database with a delta every 5 seconds: each scheduled slot
 * runs exactly once, on one of them; when the one running the jobs is killed, the other takes over.
 * Every check reads the run table once and waits for what it needs rather than for a time; "after the
 * kill" is judged by the database's clock, read once the killed process has exited.
 */
class ClusterFailoverIT {
    private static final String SCHEDULE =
            """
            schedule:
              deltaInterval: PT5S
              fullCron: 0 0 3 1 1 ? 2099
            """;

    /** Two daemons starting on a loaded machine, then four 5-second slots. */
    private static final Duration SLOTS_TIMEOUT = Duration.ofSeconds(120);
    /** Failure detection (cluster check-in 5 s), a misfire, then two 5-second slots. */
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(90);

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

        List<Run> before = awaitRuns(
                "four scheduled slots to finish",
                SLOTS_TIMEOUT,
                runs -> finished(runs).size() >= 4);
        assertThat(perSlot(before).values())
                .as("runs per slot: " + perSlot(before))
                .allMatch(count -> count == 1);
        assertThat(before).allSatisfy(run -> assertThat(run.status()).isIn("success", "partial", "running"));

        Run latest = before.get(before.size() - 1);
        DaemonProcess victim = latest.ranOn(first) ? first : second;
        DaemonProcess survivor = victim == first ? second : first;
        victim.kill();
        assertThat(victim.alive()).as("the victim is dead").isFalse();
        // read after the victim's process is gone: no run of it can start later than this
        Instant dead = databaseNow();

        List<Run> after = awaitRuns(
                "the survivor to run two scheduled slots",
                FAILOVER_TIMEOUT,
                runs -> finished(startedAfter(runs, dead)).stream()
                                .filter(run -> run.ranOn(survivor))
                                .count()
                        >= 2);
        assertThat(startedAfter(after, dead))
                .allSatisfy(
                        run -> assertThat(run.ranOn(survivor)).as(run.trigger()).isTrue());
        assertThat(perSlot(after).values())
                .as("runs per slot after the failover: " + perSlot(after))
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

        boolean ranOn(DaemonProcess daemon) {
            return trigger.endsWith("-" + daemon.pid());
        }
    }

    /** Polls the run table; returns the first snapshot (one query) that satisfies {@code done}. */
    private List<Run> awaitRuns(String what, Duration timeout, Predicate<List<Run>> done) {
        List<List<Run>> satisfied = new ArrayList<>();
        Waits.until(what, timeout, () -> {
            List<Run> runs = runs();
            if (done.test(runs)) {
                satisfied.add(runs);
                return true;
            }
            return false;
        });
        return satisfied.get(0);
    }

    private static List<Run> finished(List<Run> runs) {
        return runs.stream()
                .filter(run -> run.status().equals("success") || run.status().equals("partial"))
                .toList();
    }

    private static List<Run> startedAfter(List<Run> runs, Instant moment) {
        return runs.stream().filter(run -> run.started().isAfter(moment)).toList();
    }

    private static Map<String, Integer> perSlot(List<Run> runs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        runs.forEach(run -> counts.merge(run.slot(), 1, Integer::sum));
        return counts;
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

    private Instant databaseNow() throws SQLException {
        try (Connection connection = TestPostgres.connect(stateUrl);
                PreparedStatement statement = connection.prepareStatement("SELECT clock_timestamp()");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getTimestamp(1).toInstant();
        }
    }
}

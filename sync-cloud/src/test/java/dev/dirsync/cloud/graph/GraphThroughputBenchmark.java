package dev.dirsync.cloud.graph;

import dev.dirsync.core.Secret;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import dev.dirsync.emulator.EmulatorStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Write throughput of the Graph adapter against the cloud emulator: an initial sync of creates
 * through {@link GraphCloudDirectory#apply}, handed over in the adapter's preferred batch size as the
 * sync engine does. Not a unit test. Three parts:
 * <ol>
 *   <li>(a) against an emulator that accepts {@value #THROTTLED_RATE} writes per second and answers
 *       429 with Retry-After beyond, with the write budget set to that rate: the pace reached as a
 *       share of the allowed rate (goal: at least 95 %) and the share of write requests answered
 *       429 (goal: under 1 %), with {@code $batch} and with one request per write;</li>
 *   <li>(b) against an unthrottled emulator: writes per second with {@code $batch} and with one
 *       request per write (after a warm-up of each);</li>
 *   <li>(c) against the throttled emulator with a budget twice its rate: how the limiter adapts
 *       (figures only, no goal).</li>
 * </ol>
 * Arguments: {@code [users] [unthrottledUsers] [overBudgetUsers]}, default 2000, 20000 and 600.
 * Exits with 1 when a goal of (a) is missed.
 */
public final class GraphThroughputBenchmark {
    static final int THROTTLED_RATE = 20;
    private static final String TENANT = "bench.example";

    private GraphThroughputBenchmark() {}

    /** What one run measured. */
    record Figures(int users, Map<ChangeResult.Outcome, Integer> outcomes, Duration elapsed, EmulatorStats stats) {
        double writesPerSecond() {
            return outcomes.getOrDefault(ChangeResult.Outcome.OK, 0) / (elapsed.toNanos() / 1e9);
        }

        /** Write requests the emulator answered (each item of a batch counts): created, refused or throttled. */
        long writeRequests() {
            return stats.writes() + stats.rejected() + stats.throttled();
        }

        double throttledShare() {
            return writeRequests() == 0 ? 0 : (double) stats.throttled() / writeRequests();
        }
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 2000;
        int unthrottledUsers = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 20_000;
        int overBudgetUsers = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 600;

        System.out.printf(
                Locale.ROOT,
                "%n(a) emulator throttled at %d writes/s, writeBudget %d per 1 s, concurrency %d, %d creates%n",
                THROTTLED_RATE,
                THROTTLED_RATE,
                GraphSettings.DEFAULT_CONCURRENCY,
                users);
        boolean met = true;
        for (boolean batch : new boolean[] {true, false}) {
            Figures figures = run(
                    users,
                    THROTTLED_RATE,
                    batch,
                    builder -> builder.writeBudget(THROTTLED_RATE, Duration.ofSeconds(1)));
            double share = figures.writesPerSecond() / THROTTLED_RATE;
            print(batch ? "$batch" : "single", figures);
            System.out.printf(
                    Locale.ROOT,
                    "    %.1f %% of the allowed rate (goal >= 95 %%), %.2f %% of write requests answered 429 (goal < 1 %%)%n",
                    share * 100,
                    figures.throttledShare() * 100);
            met &= share >= 0.95
                    && figures.throttledShare() < 0.01
                    && figures.outcomes().getOrDefault(ChangeResult.Outcome.OK, 0) == users;
        }

        System.out.printf(
                Locale.ROOT,
                "%n(b) unthrottled emulator on loopback, concurrency %d, %d creates%n",
                GraphSettings.DEFAULT_CONCURRENCY,
                unthrottledUsers);
        run(Math.min(unthrottledUsers, 2000), 0, true, GraphThroughputBenchmark::unlimited);
        run(Math.min(unthrottledUsers, 2000), 0, false, GraphThroughputBenchmark::unlimited);
        Figures batched = run(unthrottledUsers, 0, true, GraphThroughputBenchmark::unlimited);
        print("$batch", batched);
        Figures single = run(unthrottledUsers, 0, false, GraphThroughputBenchmark::unlimited);
        print("single", single);
        System.out.printf(
                Locale.ROOT, "    $batch / single: %.2fx%n", batched.writesPerSecond() / single.writesPerSecond());

        if (overBudgetUsers > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "%n(c) emulator throttled at %d writes/s, writeBudget %d per 1 s (too high), %d creates%n",
                    THROTTLED_RATE,
                    2 * THROTTLED_RATE,
                    overBudgetUsers);
            for (boolean batch : new boolean[] {true, false}) {
                Figures figures = run(
                        overBudgetUsers,
                        THROTTLED_RATE,
                        batch,
                        builder -> builder.writeBudget(2 * THROTTLED_RATE, Duration.ofSeconds(1)));
                print(batch ? "$batch" : "single", figures);
                System.out.printf(
                        Locale.ROOT,
                        "    %.1f %% of the allowed rate, %.2f %% of write requests answered 429%n",
                        figures.writesPerSecond() / THROTTLED_RATE * 100,
                        figures.throttledShare() * 100);
            }
        }

        System.out.println(met ? "\nthrottled goals met" : "\nTHROTTLED GOALS MISSED");
        if (!met) {
            System.exit(1);
        }
    }

    private static GraphSettings.Builder unlimited(GraphSettings.Builder builder) {
        return builder.writeBudget(1_000_000_000, Duration.ofSeconds(1));
    }

    static Figures run(int users, int writesPerSecond, boolean batch, UnaryOperator<GraphSettings.Builder> tune) {
        try (CloudEmulator emulator = CloudEmulator.start(
                EmulatorSettings.builder().writesPerSecond(writesPerSecond).build())) {
            GraphSettings settings = tune.apply(GraphSettings.builder()
                            .graphUrl(emulator.url())
                            .tokenUrl(emulator.tokenUrl(TENANT))
                            .tenantId(TENANT)
                            .clientId(EmulatorSettings.DEFAULT_CLIENT_ID)
                            .clientSecret(Secret.of(EmulatorSettings.DEFAULT_CLIENT_SECRET))
                            .batch(batch))
                    .build();
            Map<ChangeResult.Outcome, Integer> outcomes = new EnumMap<>(ChangeResult.Outcome.class);
            long started;
            long ended;
            try (GraphCloudDirectory graph = new GraphCloudDirectory(settings)) {
                // The token is fetched before the clock starts: the run measures writes.
                graph.listUsers(user -> {});
                emulator.resetStats();
                int chunk = graph.preferredBatchSize();
                started = System.nanoTime();
                List<Change> pending = new ArrayList<>(chunk);
                for (int i = 0; i < users; i++) {
                    pending.add(new Change.Create(user(i)));
                    if (pending.size() == chunk || i == users - 1) {
                        graph.apply(List.copyOf(pending), result -> outcomes.merge(result.outcome(), 1, Integer::sum));
                        pending.clear();
                    }
                }
                ended = System.nanoTime();
            }
            return new Figures(users, outcomes, Duration.ofNanos(ended - started), emulator.stats());
        }
    }

    private static void print(String mode, Figures figures) {
        EmulatorStats stats = figures.stats();
        System.out.printf(
                Locale.ROOT,
                "  %-7s %6.1f writes/s  (%d created in %.1f s; results %s; emulator: %d creates, %d x 429, %d refused)%n",
                mode,
                figures.writesPerSecond(),
                stats.creates(),
                figures.elapsed().toMillis() / 1000.0,
                figures.outcomes(),
                stats.creates(),
                stats.throttled(),
                stats.rejected());
    }

    static MailUser user(int i) {
        String name = String.format(Locale.ROOT, "user%05d", i);
        return new MailUser(
                Anchor.ofUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))),
                name + "@" + TENANT,
                "User " + i,
                "User",
                Integer.toString(i),
                name,
                name + "@mail.example",
                List.of(name + ".alt@mail.example"),
                true,
                "US");
    }
}

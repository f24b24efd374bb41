package dev.dirsync.cloud.graph;

import dev.dirsync.core.Secret;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Write throughput of the Graph adapter under sustained partial throttling: a loopback stand-in
 * ({@link PartialThrottleStandIn}) answers every n-th write 429 with a Retry-After, whatever the
 * pace, with the write budget at {@value #BUDGET} writes per second. Not a unit test. Two cases, each
 * with {@code $batch} and with one request per write:
 * <ol>
 *   <li>every 10th write, Retry-After 2 s ({@code [users]}, default 300 creates);</li>
 *   <li>every 2nd write, Retry-After 1 s ({@code [users]}, default 60 creates).</li>
 * </ol>
 * The best possible rate: n-1 writes at the budget's pace, then the pause, so (n-1) / ((n-1) / budget
 * + pause). Printed: the rate achieved over the run and once settled (from the middle write the
 * stand-in accepted to the last), its ratio to the best possible (goal: at least 0.8), and the
 * 429s per 1,000 accepted writes once settled (the n-th writes alone make 1000 / (n-1)). Arguments: {@code [usersA] [usersB]}.
 * Exits with 1 when a ratio misses the goal or a write failed.
 */
public final class GraphPartialThrottlingBenchmark {
    static final int BUDGET = 20;
    private static final String TENANT = "bench.example";

    private GraphPartialThrottlingBenchmark() {}

    /** What one run measured: outcomes and time over the run, and the stand-in's view once settled. */
    record Figures(int ok, int failed, double seconds, PartialThrottleStandIn.Settled settled) {
        double rate() {
            return ok / seconds;
        }
    }

    public static void main(String[] args) throws IOException {
        int usersA = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int usersB = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean met = true;
        met &= runCase(10, Duration.ofSeconds(2), usersA);
        met &= runCase(2, Duration.ofSeconds(1), usersB);
        System.out.println(met ? "\npartial throttling goals met" : "\nPARTIAL THROTTLING GOALS MISSED");
        if (!met) {
            System.exit(1);
        }
    }

    private static boolean runCase(int nth, Duration pause, int users) throws IOException {
        double best = (nth - 1) / ((nth - 1) / (double) BUDGET + pause.toNanos() / 1e9);
        System.out.printf(
                Locale.ROOT,
                "%n429 with Retry-After %d s on every %d. write, writeBudget %d per 1 s, concurrency %d, %d creates;"
                        + " best possible %.2f writes/s%n",
                pause.toSeconds(),
                nth,
                BUDGET,
                GraphSettings.DEFAULT_CONCURRENCY,
                users,
                best);
        boolean met = true;
        for (boolean batch : new boolean[] {true, false}) {
            Figures figures = run(nth, pause, users, batch);
            double ratio = figures.settled().rate() / best;
            System.out.printf(
                    Locale.ROOT,
                    "  %-7s %5.2f writes/s over the run (%d ok, %d failed in %.1f s); settled %5.2f writes/s = %.2f of the"
                            + " best possible (goal >= 0.8), %.0f x 429 per 1,000 writes (%d x 429, %d accepted)%n",
                    batch ? "$batch" : "single",
                    figures.rate(),
                    figures.ok(),
                    figures.failed(),
                    figures.seconds(),
                    figures.settled().rate(),
                    ratio,
                    figures.settled().throttlesPerThousand(),
                    figures.settled().throttled(),
                    figures.settled().accepted());
            met &= ratio >= 0.8 && figures.failed() == 0;
        }
        return met;
    }

    static Figures run(int nth, Duration pause, int users, boolean batch) throws IOException {
        try (PartialThrottleStandIn standIn = new PartialThrottleStandIn(nth, pause)) {
            GraphSettings settings = GraphSettings.builder()
                    .graphUrl(standIn.url())
                    .tokenUrl(standIn.tokenUrl(TENANT))
                    .tenantId(TENANT)
                    .clientId("bench-client")
                    .clientSecret(Secret.of("bench-secret"))
                    .batch(batch)
                    .writeBudget(BUDGET, Duration.ofSeconds(1))
                    .build();
            int[] ok = {0};
            int[] failed = {0};
            long started;
            long ended;
            try (GraphCloudDirectory graph = new GraphCloudDirectory(settings)) {
                graph.listUsers(user -> {});
                int chunk = graph.preferredBatchSize();
                started = System.nanoTime();
                List<Change> pending = new ArrayList<>(chunk);
                for (int i = 0; i < users; i++) {
                    pending.add(new Change.Create(GraphThroughputBenchmark.user(i)));
                    if (pending.size() == chunk || i == users - 1) {
                        graph.apply(List.copyOf(pending), result -> {
                            if (result.outcome() == ChangeResult.Outcome.OK) {
                                ok[0]++;
                            } else {
                                failed[0]++;
                            }
                        });
                        pending.clear();
                    }
                }
                ended = System.nanoTime();
            }
            return new Figures(ok[0], failed[0], (ended - started) / 1e9, standIn.settled());
        }
    }
}

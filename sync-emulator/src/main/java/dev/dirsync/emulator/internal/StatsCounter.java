package dev.dirsync.emulator.internal;

import dev.dirsync.emulator.EmulatorStats;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link EmulatorStats}. */
public final class StatsCounter {
    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder creates = new LongAdder();
    private final LongAdder updates = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder throttled = new LongAdder();

    void tokenRequest() {
        tokenRequests.increment();
    }

    /** Counts one answered users request by its method and status. */
    void answered(String method, int status) {
        if (status == 429) {
            throttled.increment();
        } else if (method.equals("GET")) {
            reads.increment();
        } else if (status >= 400) {
            rejected.increment();
        } else {
            switch (method) {
                case "POST" -> creates.increment();
                case "PATCH" -> updates.increment();
                case "DELETE" -> deletes.increment();
                default -> {}
            }
        }
    }

    public EmulatorStats snapshot() {
        return new EmulatorStats(
                tokenRequests.sum(),
                reads.sum(),
                creates.sum(),
                updates.sum(),
                deletes.sum(),
                rejected.sum(),
                throttled.sum());
    }

    /** Not atomic across counters: requests running during a reset may land on either side. */
    public void reset() {
        for (LongAdder adder : new LongAdder[] {tokenRequests, reads, creates, updates, deletes, rejected, throttled}) {
            adder.reset();
        }
    }
}

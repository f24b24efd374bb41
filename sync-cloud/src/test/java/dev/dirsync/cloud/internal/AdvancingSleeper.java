package dev.dirsync.cloud.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the delays asked for and moves a clock on by each: time passes without waiting. */
public final class AdvancingSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    public AdvancingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration delay) {
        delays.add(delay);
        clock.advance(delay);
    }

    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** The delays added up. */
    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}

package dev.dirsync.daemon.service;

import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.config.ScheduleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a new schedule starts, from the run history, so slots missed while no daemon ran are made
 * up once: the next delta is one interval after the last run began (in the past when slots were
 * missed: it then fires once, now), and the full cron counts from just after the last full run
 * began (a cron slot passed since then fires once, now). Without history the first delta comes one
 * interval after start and the full run at its next cron slot.
 *
 * @param delta the delta trigger's start time
 * @param full the full trigger's start time (the first cron slot after it fires)
 */
public record FirstFires(Instant delta, Instant full) {
    private static final int HISTORY = 50;

    public static FirstFires from(List<RunRecord> recentFirst, ScheduleConfig schedule, Instant now) {
        Optional<RunRecord> last = recentFirst.stream().findFirst();
        Optional<RunRecord> lastFull =
                recentFirst.stream().filter(r -> r.type() == RunType.FULL).findFirst();
        Instant delta =
                last.map(r -> r.started().plus(schedule.deltaInterval())).orElse(now.plus(schedule.deltaInterval()));
        Instant full =
                lastFull.map(r -> r.started().plus(Duration.ofSeconds(1))).orElse(now);
        return new FirstFires(delta, full);
    }

    /** How many recent runs {@link #from} needs to see. */
    public static int historyNeeded() {
        return HISTORY;
    }
}

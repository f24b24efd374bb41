package dev.dirsync.daemon.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code schedule.*}: when the daemon runs.
 *
 * @param deltaInterval time between delta runs (ISO-8601 duration)
 * @param fullCron when full runs happen (a Quartz cron expression: seconds first, then minutes,
 *     hours, day of month, month, day of week)
 * @param staging when true, runs read and plan but never export (dry runs); what they would export
 *     is shown by {@code dirsync pending}
 */
public record ScheduleConfig(Duration deltaInterval, String fullCron, boolean staging) {
    public static final Duration DEFAULT_DELTA_INTERVAL = Duration.ofMinutes(30);
    public static final String DEFAULT_FULL_CRON = "0 0 3 * * ?";

    public ScheduleConfig {
        Objects.requireNonNull(deltaInterval, "schedule.deltaInterval");
        Objects.requireNonNull(fullCron, "schedule.fullCron");
    }

    public static ScheduleConfig defaults() {
        return new ScheduleConfig(DEFAULT_DELTA_INTERVAL, DEFAULT_FULL_CRON, false);
    }
}

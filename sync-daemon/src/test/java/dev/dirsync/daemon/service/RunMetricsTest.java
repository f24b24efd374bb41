package dev.dirsync.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    private final RunMetrics metrics = new RunMetrics();

    @Test
    void plannedRun_isCountedByItsMode_andExportsNothing() {
        RunSummary summary = new RunSummary(5, 0, 0, 5, 0, 0, 0, 0);

        metrics.finished(RunType.FULL, RunStatus.SUCCESS, true, summary, Duration.ofSeconds(1), Instant.EPOCH);

        assertThat(metrics.scrape())
                .contains("dirsync_runs_total{mode=\"planned\",status=\"success\",type=\"full\"} 1.0")
                .contains("dirsync_runs_total{mode=\"done\",status=\"success\",type=\"full\"} 0.0")
                .contains("dirsync_objects_exported_total 0.0")
                .contains("dirsync_last_success_time_seconds 0.0");
    }

    @Test
    void unmanagedUsers_isAGauge() {
        metrics.unmanagedUsers(3);

        assertThat(metrics.scrape()).contains("dirsync_unmanaged_users 3.0");
    }
}

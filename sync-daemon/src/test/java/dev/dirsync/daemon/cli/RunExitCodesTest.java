package dev.dirsync.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunExitCodesTest {
    private static final RunSummary SUMMARY = new RunSummary(2, 0, 0, 0, 0, 0, 0, 2);

    private static RunResult result(RunStatus status, Instant deferredUntil) {
        return new RunResult(1, RunType.FULL, status, SUMMARY, null, 0, null, deferredUntil);
    }

    @Test
    void aRunTheServiceDeferred_exitsWithFive() {
        assertThat(RunExitCodes.of(result(RunStatus.PARTIAL, Instant.parse("2024-05-06T07:06:40Z"))))
                .isEqualTo(ExitCode.DEFERRED)
                .isEqualTo(5);
    }

    @Test
    void otherRuns_exitWithTheirStatusCode() {
        assertThat(RunExitCodes.of(result(RunStatus.PARTIAL, null))).isEqualTo(ExitCode.PARTIAL);
        assertThat(RunExitCodes.of(result(RunStatus.SUCCESS, null))).isEqualTo(ExitCode.OK);
        assertThat(RunExitCodes.of(result(RunStatus.DELETION_THRESHOLD_EXCEEDED, Instant.EPOCH)))
                .isEqualTo(ExitCode.THRESHOLD_EXCEEDED);
    }
}

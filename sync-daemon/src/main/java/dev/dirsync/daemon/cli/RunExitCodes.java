package dev.dirsync.daemon.cli;

import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.state.RunStatus;

/** A finished run's status as the process exit code (the README's table). */
final class RunExitCodes {
    private RunExitCodes() {}

    static int of(RunStatus status) {
        return switch (status) {
            case DELETION_THRESHOLD_EXCEEDED -> ExitCode.THRESHOLD_EXCEEDED;
            case SUCCESS, RUNNING -> ExitCode.OK;
            case PARTIAL, FAILED -> ExitCode.PARTIAL;
        };
    }

    /** As {@link #of(RunStatus)}, except that a run the cloud service deferred ends with {@link ExitCode#DEFERRED}. */
    static int of(RunResult result) {
        boolean deferred = result.deferredUntil() != null
                && (result.status() == RunStatus.PARTIAL || result.status() == RunStatus.SUCCESS);
        return deferred ? ExitCode.DEFERRED : of(result.status());
    }
}

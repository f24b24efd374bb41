package dev.dirsync.daemon.cli;

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
}

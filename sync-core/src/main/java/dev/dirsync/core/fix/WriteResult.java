package dev.dirsync.core.fix;

import java.util.Objects;

/** What became of one change sent to the directory. */
public record WriteResult(Status status, String reason) {

    public enum Status {
        /** The directory made the change. */
        APPLIED,
        /** Not made, on purpose: the directory no longer holds what the change expected. */
        SKIPPED,
        /** The directory refused the change (access rights, constraints, ...). */
        FAILED;

        /** The word the result file and the output use: applied, skipped, failed. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public WriteResult {
        Objects.requireNonNull(status, "status");
        if (status != Status.APPLIED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + status.word() + " result needs a reason");
        }
    }

    public static WriteResult applied() {
        return new WriteResult(Status.APPLIED, null);
    }

    public static WriteResult skipped(String reason) {
        return new WriteResult(Status.SKIPPED, reason);
    }

    public static WriteResult failed(String reason) {
        return new WriteResult(Status.FAILED, reason);
    }
}

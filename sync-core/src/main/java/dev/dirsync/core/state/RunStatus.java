package dev.dirsync.core.state;

/** How a run ended (or that it has not yet). */
public enum RunStatus {
    RUNNING("running"),
    SUCCESS("success"),
    /** Finished, but some objects failed or were blocked. */
    PARTIAL("partial"),
    /** Removals above the threshold were held for approval; nothing was removed. */
    DELETION_THRESHOLD_EXCEEDED("deletion-threshold-exceeded"),
    /** The run could not complete (source or target unavailable, credentials refused, crash). */
    FAILED("failed");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RunStatus fromLabel(String label) {
        for (RunStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + label + "'");
    }
}

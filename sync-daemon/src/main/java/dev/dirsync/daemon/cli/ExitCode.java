package dev.dirsync.daemon.cli;

/** The process exit codes, as documented in the README. */
public final class ExitCode {
    /** The run succeeded. */
    public static final int OK = 0;
    /** The run finished but some objects failed or were blocked. */
    public static final int PARTIAL = 1;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** A source or target could not be reached or refused our credentials. */
    public static final int UNREACHABLE = 3;
    /** Removals above the deletion threshold were held for approval. */
    public static final int THRESHOLD_EXCEEDED = 4;
    /** The service asked for no writes until a later time: the rest of the export waits for a run after it. */
    public static final int DEFERRED = 5;

    private ExitCode() {}
}

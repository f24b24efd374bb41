package dev.dirsync.core;

/**
 * A run was asked to stop (the process is shutting down) and did: the batch in flight was exported,
 * nothing after it. The run is recorded as failed, stores no cursor and removes nothing; the next
 * run plans again from the state.
 */
public class RunStoppedException extends DirsyncException {
    private static final long serialVersionUID = 1L;

    public RunStoppedException(String message) {
        super(message);
    }
}

package dev.dirsync.core;

/**
 * A source or target could not be reached, or stopped answering mid-run. The run ends; a later run
 * may succeed. Never thrown for one object's failure.
 */
public class UnavailableException extends DirsyncException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnavailableException(String message) {
        super(message);
    }
}

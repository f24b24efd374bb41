package dev.dirsync.core;

/** Root of every dirsync failure. Unchecked; subclasses say what kind of failure it was. */
public class DirsyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirsyncException(String message) {
        super(message);
    }

    public DirsyncException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.dirsync.report;

import dev.dirsync.core.DirsyncException;

/**
 * A cleanup report given back to dirsync cannot be read or is malformed. The message names the file
 * and, for a malformed row, its line.
 */
public class ReportInputException extends DirsyncException {
    private static final long serialVersionUID = 1L;

    public ReportInputException(String message) {
        super(message);
    }

    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

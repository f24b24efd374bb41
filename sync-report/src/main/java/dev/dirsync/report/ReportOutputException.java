package dev.dirsync.report;

import dev.dirsync.core.DirsyncException;
import java.io.IOException;

/** The report could not be written to its stream (disk full, closed pipe, ...). */
public class ReportOutputException extends DirsyncException {
    private static final long serialVersionUID = 1L;

    public ReportOutputException(String message, IOException cause) {
        super(message, cause);
    }
}

package dev.dirsync.daemon.admin;

import dev.dirsync.core.UnavailableException;

/** No daemon answers at the admin API's address. */
public final class DaemonUnreachableException extends UnavailableException {
    private static final long serialVersionUID = 1L;

    public DaemonUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

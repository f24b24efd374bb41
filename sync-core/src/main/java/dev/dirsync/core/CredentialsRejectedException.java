package dev.dirsync.core;

/** A source or target refused our credentials. The message never contains the secret. */
public class CredentialsRejectedException extends DirsyncException {
    private static final long serialVersionUID = 1L;

    public CredentialsRejectedException(String message) {
        super(message);
    }

    public CredentialsRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}

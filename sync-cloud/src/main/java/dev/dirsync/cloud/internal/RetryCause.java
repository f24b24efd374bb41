package dev.dirsync.cloud.internal;

import java.io.IOException;

/**
 * Why an attempt is about to be repeated: the reply that asked for it, or the transport failure.
 * Exactly one of the two is set.
 */
public record RetryCause(HttpReply reply, IOException failure) {

    public RetryCause {
        if ((reply == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of reply and failure must be set");
        }
    }

    /**
     * True when the previous attempt may have been applied although it did not report success: a
     * transport failure (timeout, reset) or a server error. A 429 was refused before processing.
     */
    public boolean outcomeUnknown() {
        return failure != null || reply.status() >= 500;
    }

    /** Status and media type, or the failure: for log lines that name the URL already. */
    public String brief() {
        return reply != null ? reply.statusLine() : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    public String describe() {
        return reply != null ? reply.describe() : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}

package dev.dirsync.cloud.internal;

import java.time.Instant;
import java.util.Objects;

/** How one request through the {@link HttpPolicy} ended. */
public sealed interface Exchange<T> permits Exchange.Answered, Exchange.Settled, Exchange.GaveUp {

    /** The server gave an answer that is not worth repeating (success or a final error). */
    record Answered<T>(HttpReply reply) implements Exchange<T> {
        public Answered {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** A {@link RetryGuard} settled the request before it was sent again. */
    record Settled<T>(T value) implements Exchange<T> {
        public Settled {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Still failing when attempts ran out, throttled for longer than allowed, the server asked for
     * a wait longer than allowed, or the thread was interrupted. {@code lastReply} (the last
     * answer) or {@code lastFailure} (the transport failure or the interruption) tells what the
     * last attempt saw. {@code deferredUntil}, when set, is the time before which the server asked
     * for no writes: the request was left for a later run.
     */
    record GaveUp<T>(String reason, HttpReply lastReply, Exception lastFailure, Instant deferredUntil)
            implements Exchange<T> {
        public GaveUp {
            Objects.requireNonNull(reason, "reason");
        }

        public GaveUp(String reason, HttpReply lastReply, Exception lastFailure) {
            this(reason, lastReply, lastFailure, null);
        }
    }
}

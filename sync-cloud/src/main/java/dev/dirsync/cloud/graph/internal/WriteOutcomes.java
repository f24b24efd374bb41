package dev.dirsync.cloud.graph.internal;

import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Graph's final answer to one write makes of its change, the same for a request of its own
 * and for an item of a batch:
 * <table>
 *   <caption>Reply to outcome</caption>
 *   <tr><th>reply</th><th>outcome</th></tr>
 *   <tr><td>2xx; 404 to a delete</td><td>OK (a create's result carries the new id)</td></tr>
 *   <tr><td>400/409 "another object with the same value for property"</td><td>CONFLICT naming the holder</td></tr>
 *   <tr><td>other 3xx/4xx, 501, 505..</td><td>REJECTED with Graph's code and message</td></tr>
 *   <tr><td>429/5xx/transport failures beyond the last attempt</td><td>RETRYABLE ({@link #retryable})</td></tr>
 *   <tr><td>a Retry-After longer than the run waits, or one still running</td><td>RETRYABLE, code
 *       {@value #DEFERRED} ({@link #deferred})</td></tr>
 * </table>
 */
public final class WriteOutcomes {
    /** The error code of a change left for a later run because the service asked for no writes yet. */
    public static final String DEFERRED = "deferred";

    private static final Logger log = LoggerFactory.getLogger(WriteOutcomes.class);

    private final ConflictExplainer conflicts;

    public WriteOutcomes(ConflictExplainer conflicts) {
        this.conflicts = conflicts;
    }

    /** The result of a final (not passing) reply to {@code write}. */
    public ChangeResult settle(WriteRequest write, HttpReply reply) {
        Change change = write.change();
        if (reply.successful()) {
            return write.kind() == WriteRequest.Kind.CREATE
                    ? created(change, reply)
                    : ChangeResult.ok(change, write.cloudId());
        }
        if (reply.status() == 404 && write.kind() == WriteRequest.Kind.REMOVE) {
            return ChangeResult.ok(change, write.cloudId());
        }
        GraphError error = GraphError.of(reply);
        if (error.isUniquenessConflict()) {
            return conflicts.explain(write, error);
        }
        return ChangeResult.failed(change, Outcome.REJECTED, error.code(), error.message());
    }

    private static ChangeResult created(Change change, HttpReply reply) {
        try {
            Optional<String> id = GraphUserJson.id(GraphJson.tree(reply.body()));
            if (id.isPresent()) {
                return ChangeResult.ok(change, id.get());
            }
        } catch (IOException e) {
            log.debug("unreadable create response from {}", reply.url(), e);
        }
        // Created, most likely, but without an id to record: the next run finds it by anchor.
        return ChangeResult.failed(
                change, Outcome.RETRYABLE, "HTTP_" + reply.status(), reply.describe() + " carries no user id");
    }

    /** A change not sent because the service asked for no writes before {@code until}. */
    public static ChangeResult deferred(Change change, Instant until, String why) {
        return ChangeResult.failed(
                change,
                Outcome.RETRYABLE,
                DEFERRED,
                "the service asked for no writes before " + until + "; left for a run after then"
                        + (why == null || why.isEmpty() ? "" : ": " + why));
    }

    /**
     * A write still failing when the attempts ran out, throttled for too long, deferred by the
     * service, or not sent as the run was interrupted.
     */
    public static ChangeResult retryable(Change change, Exchange.GaveUp<?> gaveUp) {
        String code;
        String last;
        if (gaveUp.lastReply() != null) {
            GraphError error = GraphError.of(gaveUp.lastReply());
            code = error.code();
            last = error.summary();
        } else if (gaveUp.lastFailure() != null) {
            code = gaveUp.lastFailure().getClass().getSimpleName();
            last = gaveUp.lastFailure().toString();
        } else {
            code = "INTERRUPTED";
            last = "";
        }
        if (gaveUp.deferredUntil() != null) {
            return deferred(change, gaveUp.deferredUntil(), last);
        }
        return ChangeResult.failed(
                change, Outcome.RETRYABLE, code, gaveUp.reason() + (last.isEmpty() ? "" : ": " + last));
    }
}

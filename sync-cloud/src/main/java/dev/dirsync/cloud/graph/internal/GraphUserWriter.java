package dev.dirsync.cloud.graph.internal;

import dev.dirsync.cloud.internal.Authorizer;
import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.cloud.internal.RetryCause;
import dev.dirsync.cloud.internal.RetryGuard;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.CloudUser;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one change and says what became of it. Graph's answers become outcomes here:
 * <table>
 *   <caption>Reply to outcome</caption>
 *   <tr><th>reply</th><th>outcome</th></tr>
 *   <tr><td>2xx; 404 to a delete</td><td>OK (a create's result carries the new id)</td></tr>
 *   <tr><td>400 "another object with the same value for property"</td><td>CONFLICT</td></tr>
 *   <tr><td>other 3xx/4xx, 501, 505..</td><td>REJECTED with Graph's code and message</td></tr>
 *   <tr><td>429/5xx/transport failures beyond the last attempt</td><td>RETRYABLE</td></tr>
 *   <tr><td>401 after a renewed token</td><td>throws {@link CredentialsRejectedException}</td></tr>
 * </table>
 */
public final class GraphUserWriter {
    private static final Logger log = LoggerFactory.getLogger(GraphUserWriter.class);

    private final HttpPolicy http;
    private final Authorizer authorizer;
    private final GraphEndpoints endpoints;
    private final Function<Anchor, Optional<CloudUser>> lookup;
    private final PasswordGenerator passwords;
    private final String clientId;

    public GraphUserWriter(HttpPolicy http, Authorizer authorizer, GraphEndpoints endpoints,
            Function<Anchor, Optional<CloudUser>> lookup, PasswordGenerator passwords, String clientId) {
        this.http = http;
        this.authorizer = authorizer;
        this.endpoints = endpoints;
        this.lookup = lookup;
        this.passwords = passwords;
        this.clientId = clientId;
    }

    public ChangeResult apply(Change change) {
        ChangeResult result;
        if (change instanceof Change.Create create) {
            result = create(create);
        } else if (change instanceof Change.Update update) {
            result = update(update);
        } else {
            result = remove((Change.Remove) change);
        }
        if (result.succeeded()) {
            log.debug("{} {}: ok, id {}", change.getClass().getSimpleName(), change.anchor(), result.cloudId());
        } else {
            log.info("{} {}: {} {}: {}", change.getClass().getSimpleName(), change.anchor(), result.outcome(),
                    result.errorCode(), result.message());
        }
        return result;
    }

    private ChangeResult create(Change.Create change) {
        Request request = new Request.Builder()
                .url(endpoints.users())
                .header("Accept", "application/json")
                .post(GraphJson.body(GraphUserJson.createBody(change.user(), passwords.next())))
                .build();
        RetryGuard<ChangeResult> lookFirst = cause -> cause.outcomeUnknown() ? existing(change, cause) : Optional.empty();
        Exchange<ChangeResult> exchange = http.send(request, authorizer, lookFirst);
        if (exchange instanceof Exchange.Settled<ChangeResult> settled) {
            return settled.value();
        }
        if (exchange instanceof Exchange.GaveUp<ChangeResult> gaveUp) {
            return retryable(change, gaveUp);
        }
        HttpReply reply = ((Exchange.Answered<ChangeResult>) exchange).reply();
        if (!reply.successful()) {
            return failure(change, reply);
        }
        try {
            Optional<String> id = GraphUserJson.id(GraphJson.tree(reply.body()));
            if (id.isPresent()) {
                return ChangeResult.ok(change, id.get());
            }
        } catch (IOException e) {
            log.debug("unreadable create response from {}", reply.url(), e);
        }
        // Created, most likely, but without an id to record: the next run finds it by anchor.
        return ChangeResult.failed(change, Outcome.RETRYABLE, "HTTP_" + reply.status(),
                reply.describe() + " carries no user id");
    }

    /**
     * The create that failed may have been applied (a timeout, a 5xx): if the anchor is already
     * in the cloud, it was, and the change is done.
     */
    private Optional<ChangeResult> existing(Change.Create change, RetryCause cause) {
        try {
            Optional<CloudUser> found = lookup.apply(change.anchor());
            found.ifPresent(user -> log.info("create {} after {}: the user exists (id {}), not sending it again",
                    change.anchor(), cause.describe(), user.id()));
            return found.map(user -> ChangeResult.ok(change, user.id()));
        } catch (CredentialsRejectedException e) {
            throw e;
        } catch (DirsyncException e) {
            return Optional.of(ChangeResult.failed(change, Outcome.RETRYABLE, "LOOKUP_FAILED",
                    "not re-sent after " + cause.describe() + ": the look-up by anchor failed: " + e.getMessage()));
        }
    }

    private ChangeResult update(Change.Update change) {
        Request request = new Request.Builder()
                .url(endpoints.user(change.cloudId()))
                .header("Accept", "application/json")
                .patch(GraphJson.body(GraphUserJson.patchBody(change.user(), change.changed())))
                .build();
        return simple(change, change.cloudId(), http.send(request, authorizer), false);
    }

    private ChangeResult remove(Change.Remove change) {
        Request request = new Request.Builder()
                .url(endpoints.user(change.cloudId()))
                .header("Accept", "application/json")
                .delete()
                .build();
        return simple(change, change.cloudId(), http.send(request, authorizer), true);
    }

    private ChangeResult simple(Change change, String cloudId, Exchange<Void> exchange, boolean goneIsDone) {
        if (exchange instanceof Exchange.GaveUp<Void> gaveUp) {
            return retryable(change, gaveUp);
        }
        HttpReply reply = ((Exchange.Answered<Void>) exchange).reply();
        if (reply.successful() || (goneIsDone && reply.status() == 404)) {
            return ChangeResult.ok(change, cloudId);
        }
        return failure(change, reply);
    }

    private ChangeResult failure(Change change, HttpReply reply) {
        GraphError error = GraphError.of(reply);
        if (reply.status() == 401) {
            throw new CredentialsRejectedException("Graph refused a freshly issued token for client id " + clientId
                    + ": " + error.summary());
        }
        Outcome outcome = error.isUniquenessConflict() ? Outcome.CONFLICT : Outcome.REJECTED;
        return ChangeResult.failed(change, outcome, error.code(), error.message());
    }

    private static ChangeResult retryable(Change change, Exchange.GaveUp<?> gaveUp) {
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
        return ChangeResult.failed(change, Outcome.RETRYABLE, code,
                gaveUp.reason() + (last.isEmpty() ? "" : ": " + last));
    }
}

package dev.dirsync.cloud.scim.internal;

import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpReply;
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
import java.util.function.Supplier;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one change with one request and says what became of it:
 * <table>
 *   <caption>Reply to outcome</caption>
 *   <tr><th>reply</th><th>outcome</th></tr>
 *   <tr><td>2xx; 404 to a DELETE</td><td>OK (a create's result carries the new id)</td></tr>
 *   <tr><td>409, or scimType uniqueness</td><td>CONFLICT with the scimType and detail</td></tr>
 *   <tr><td>other 3xx/4xx, 501, 505..</td><td>REJECTED with the scimType (else HTTP_status) and detail</td></tr>
 *   <tr><td>429/5xx/transport failures beyond the last attempt</td><td>RETRYABLE</td></tr>
 *   <tr><td>401</td><td>throws {@link CredentialsRejectedException}</td></tr>
 * </table>
 */
public final class ScimUserWriter {
    private static final Logger log = LoggerFactory.getLogger(ScimUserWriter.class);

    private final ScimHttp http;
    private final ScimEndpoints endpoints;
    private final Supplier<ProviderConfig> config;
    private final Function<Anchor, Optional<CloudUser>> lookup;

    public ScimUserWriter(
            ScimHttp http,
            ScimEndpoints endpoints,
            Supplier<ProviderConfig> config,
            Function<Anchor, Optional<CloudUser>> lookup) {
        this.http = http;
        this.endpoints = endpoints;
        this.config = config;
        this.lookup = lookup;
    }

    public ChangeResult apply(Change change) {
        return logged(change, send(change));
    }

    /**
     * For a change whose earlier request may have been applied (a bulk request that timed out or
     * failed with a server error): a create is looked up by anchor before it is sent again.
     */
    public ChangeResult applyAfterAmbiguousFailure(Change change, String cause) {
        if (change instanceof Change.Create create) {
            Optional<ChangeResult> done = existing(create, cause);
            if (done.isPresent()) {
                return logged(change, done.get());
            }
        }
        return apply(change);
    }

    private ChangeResult send(Change change) {
        UserWrite write = UserWrite.of(change, config.get().patch());
        Request request =
                switch (write.method()) {
                    case "POST" -> http.post(endpoints.users(), write.body());
                    case "PATCH" -> http.patch(endpoints.user(write.id()), write.body());
                    case "PUT" -> http.put(endpoints.user(write.id()), write.body());
                    default -> http.delete(endpoints.user(write.id()));
                };
        if (change instanceof Change.Create create) {
            RetryGuard<ChangeResult> lookFirst =
                    cause -> cause.outcomeUnknown() ? existing(create, cause.describe()) : Optional.empty();
            return created(create, http.send(request, lookFirst));
        }
        String id = write.id();
        Exchange<Void> exchange = http.send(request, RetryGuard.none());
        if (exchange instanceof Exchange.GaveUp<Void> gaveUp) {
            return ScimOutcomes.retryable(change, gaveUp);
        }
        HttpReply reply = ((Exchange.Answered<Void>) exchange).reply();
        if (reply.successful() || (change instanceof Change.Remove && reply.status() == 404)) {
            return ChangeResult.ok(change, id);
        }
        return failure(change, reply);
    }

    private ChangeResult created(Change.Create change, Exchange<ChangeResult> exchange) {
        if (exchange instanceof Exchange.Settled<ChangeResult> settled) {
            return settled.value();
        }
        if (exchange instanceof Exchange.GaveUp<ChangeResult> gaveUp) {
            return ScimOutcomes.retryable(change, gaveUp);
        }
        HttpReply reply = ((Exchange.Answered<ChangeResult>) exchange).reply();
        if (!reply.successful()) {
            return failure(change, reply);
        }
        try {
            Optional<String> id = ScimUserJson.id(ScimJson.tree(reply.body()));
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

    /** The create that failed may have been applied: if the anchor is already there, it was. */
    private Optional<ChangeResult> existing(Change.Create change, String cause) {
        try {
            Optional<CloudUser> found = lookup.apply(change.anchor());
            found.ifPresent(user -> log.info(
                    "create {} after {}: the user exists (id {}), not sending it again",
                    change.anchor(),
                    cause,
                    user.id()));
            return found.map(user -> ChangeResult.ok(change, user.id()));
        } catch (CredentialsRejectedException e) {
            throw e;
        } catch (DirsyncException e) {
            return Optional.of(ChangeResult.failed(
                    change,
                    Outcome.RETRYABLE,
                    "LOOKUP_FAILED",
                    "not re-sent after " + cause + ": the look-up by externalId failed: " + e.getMessage()));
        }
    }

    private ChangeResult failure(Change change, HttpReply reply) {
        if (reply.status() == 401) {
            throw http.refused(reply);
        }
        return ScimOutcomes.refused(change, ScimError.of(reply));
    }

    static ChangeResult logged(Change change, ChangeResult result) {
        if (result.succeeded()) {
            log.debug("{} {}: ok, id {}", change.getClass().getSimpleName(), change.anchor(), result.cloudId());
        } else {
            log.info(
                    "{} {}: {} {}: {}",
                    change.getClass().getSimpleName(),
                    change.anchor(),
                    result.outcome(),
                    result.errorCode(),
                    result.message());
        }
        return result;
    }
}

package dev.dirsync.cloud.graph.internal;

import dev.dirsync.cloud.internal.AdaptiveRateLimiter;
import dev.dirsync.cloud.internal.Authorizer;
import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.cloud.internal.ParallelApply;
import dev.dirsync.cloud.internal.RetryGuard;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.model.ChangeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends each write as a request of its own, paced by the write budget. Throttling and passing
 * failures are repeated by the {@link HttpPolicy}; a create that may have been applied is looked
 * up by anchor before it is sent again. A 401 to a freshly renewed token throws
 * {@link CredentialsRejectedException}.
 */
public final class SingleRequestWriter implements RequestWriter {
    private final HttpPolicy http;
    private final Authorizer authorizer;
    private final AdaptiveRateLimiter limiter;
    private final WriteOutcomes outcomes;
    private final CreateLookup createLookup;
    private final String clientId;

    public SingleRequestWriter(
            HttpPolicy http,
            Authorizer authorizer,
            AdaptiveRateLimiter limiter,
            WriteOutcomes outcomes,
            CreateLookup createLookup,
            String clientId) {
        this.http = http;
        this.authorizer = authorizer;
        this.limiter = limiter;
        this.outcomes = outcomes;
        this.createLookup = createLookup;
        this.clientId = clientId;
    }

    @Override
    public List<ChangeResult> send(List<WriteRequest> writes) {
        List<ChangeResult> results = new ArrayList<>(writes.size());
        for (WriteRequest write : writes) {
            results.add(Thread.currentThread().isInterrupted() ? ParallelApply.notSent(write.change()) : send(write));
        }
        return results;
    }

    private ChangeResult send(WriteRequest write) {
        RetryGuard<ChangeResult> guard = write.kind() != WriteRequest.Kind.CREATE
                ? RetryGuard.none()
                : cause -> cause.outcomeUnknown()
                        ? createLookup.beforeResend(write.change(), cause.describe())
                        : Optional.empty();
        Exchange<ChangeResult> exchange = http.send(write.toRequest(), authorizer, guard, limiter.pacer(1));
        if (exchange instanceof Exchange.Settled<ChangeResult> settled) {
            return settled.value();
        }
        if (exchange instanceof Exchange.GaveUp<ChangeResult> gaveUp) {
            return WriteOutcomes.retryable(write.change(), gaveUp);
        }
        HttpReply reply = ((Exchange.Answered<ChangeResult>) exchange).reply();
        if (reply.status() == 401) {
            throw new CredentialsRejectedException("Graph refused a freshly issued token for client id " + clientId
                    + ": " + GraphError.of(reply).summary());
        }
        if (reply.successful()) {
            limiter.succeeded(1);
        }
        return outcomes.settle(write, reply);
    }
}

package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dirsync.cloud.internal.AdaptiveRateLimiter;
import dev.dirsync.cloud.internal.Authorizer;
import dev.dirsync.cloud.internal.Backoff;
import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.cloud.internal.ParallelApply;
import dev.dirsync.cloud.internal.RetryAfter;
import dev.dirsync.cloud.internal.RetryCause;
import dev.dirsync.cloud.internal.RetrySettings;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends up to {@link #MAX_REQUESTS} writes as one JSON batch ({@code POST /v1.0/$batch}) and
 * settles each by its own answer:
 * <table>
 *   <caption>Item answer to action</caption>
 *   <tr><th>item answer</th><th>action</th></tr>
 *   <tr><td>2xx, 4xx</td><td>settled like a request of its own ({@link WriteOutcomes})</td></tr>
 *   <tr><td>429, 503 with Retry-After</td><td>throttled: that item alone is sent again in a later
 *       batch, after its own Retry-After (never sooner; back-off without one), and every writer
 *       waits it out; a Retry-After longer than the run waits defers the item; a 503 may have
 *       been applied (a create is looked up first) and uses up an attempt</td></tr>
 *   <tr><td>500, 502, 504, no answer</td><td>sent again after back-off; a create is looked up by
 *       anchor first, as it may have been applied</td></tr>
 * </table>
 * The batch request itself goes through the {@link HttpPolicy}: a throttled or failing batch is
 * repeated whole, a 401 renews the token once. When a batch holding creates may have been applied
 * (it timed out after being sent, a server error, an unreadable answer), its creates are looked up
 * by anchor before the rest is sent again. Each write has {@code maxAttempts}; a write still failing
 * then is reported retryable. A 429 uses up none of them, only the run's patience: an item answered
 * 429 for longer than {@code maxRetryAfter} in all is reported retryable.
 */
public final class BatchRequestWriter implements RequestWriter {
    public static final int MAX_REQUESTS = 20;
    private static final Logger log = LoggerFactory.getLogger(BatchRequestWriter.class);

    private final HttpPolicy http;
    private final Authorizer authorizer;
    private final GraphEndpoints endpoints;
    private final AdaptiveRateLimiter limiter;
    private final WriteOutcomes outcomes;
    private final CreateLookup createLookup;
    private final RetrySettings retry;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final String clientId;

    /**
     * Writes per batch request: up to {@link #MAX_REQUESTS}, and no more than half a second's worth
     * at {@code writesPerSecond} (10 at 20 writes per second). A batch spends its share of the budget
     * at once; a server that refills at that rate must still have it when a batch arrives a little
     * early, or the batch's last items are throttled. Applied to the budget (the writes handed to
     * {@link #send} at once) and to the rate allowed at the moment (the items of one request).
     */
    public static int batchSize(double writesPerSecond) {
        return (int) Math.max(1, Math.min(MAX_REQUESTS, Math.floor(writesPerSecond / 2)));
    }

    public BatchRequestWriter(
            HttpPolicy http,
            Authorizer authorizer,
            GraphEndpoints endpoints,
            AdaptiveRateLimiter limiter,
            WriteOutcomes outcomes,
            CreateLookup createLookup,
            RetrySettings retry,
            Backoff backoff,
            Sleeper sleeper,
            Clock clock,
            String clientId) {
        this.http = http;
        this.authorizer = authorizer;
        this.endpoints = endpoints;
        this.limiter = limiter;
        this.outcomes = outcomes;
        this.createLookup = createLookup;
        this.retry = retry;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.clientId = clientId;
    }

    /** One write of the batch and what is known of it so far. */
    private static final class Item {
        final String id;
        final WriteRequest write;
        int attempts;
        int throttles;
        Duration throttledFor = Duration.ZERO;
        Instant notBefore;
        boolean lookFirst;
        String lastFailure;
        ChangeResult result;

        Item(String id, WriteRequest write, Instant notBefore) {
            this.id = id;
            this.write = write;
            this.notBefore = notBefore;
        }

        boolean isCreate() {
            return write.kind() == WriteRequest.Kind.CREATE;
        }
    }

    @Override
    public List<ChangeResult> send(List<WriteRequest> writes) {
        if (writes.size() > MAX_REQUESTS) {
            throw new IllegalArgumentException(
                    "a batch holds at most " + MAX_REQUESTS + " requests, got " + writes.size());
        }
        Instant now = clock.instant();
        List<Item> items = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            items.add(new Item(Integer.toString(i + 1), writes.get(i), now));
        }
        while (true) {
            List<Item> pending =
                    items.stream().filter(item -> item.result == null).toList();
            if (pending.isEmpty()) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                pending.forEach(item -> item.result = ParallelApply.notSent(item.write.change()));
                break;
            }
            Instant earliest = pending.stream()
                    .map(item -> item.notBefore)
                    .min(Instant::compareTo)
                    .orElseThrow();
            if (earliest.isAfter(now)) {
                try {
                    sleeper.sleep(Duration.between(now, earliest));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    continue;
                }
                // The sleeper waited at least this long, whatever the clock says.
                now = later(clock.instant(), earliest);
            }
            Instant due = now;
            List<Item> ready = lookUpFirst(pending.stream()
                    .filter(item -> !item.notBefore.isAfter(due))
                    .limit(batchSize(limiter.rate()))
                    .toList());
            if (!ready.isEmpty()) {
                round(ready);
            }
            now = later(clock.instant(), now);
        }
        return items.stream().map(item -> item.result).toList();
    }

    /** Creates that may have been applied are looked up; those found (or unfindable) are settled. */
    private List<Item> lookUpFirst(List<Item> ready) {
        List<Item> toSend = new ArrayList<>(ready.size());
        for (Item item : ready) {
            if (item.lookFirst) {
                item.lookFirst = false;
                Optional<ChangeResult> settled = createLookup.beforeResend(item.write.change(), item.lastFailure);
                if (settled.isPresent()) {
                    item.result = settled.get();
                    continue;
                }
            }
            toSend.add(item);
        }
        return toSend;
    }

    /** One batch request of the items due, and what it makes of each. */
    private void round(List<Item> ready) {
        Map<String, HttpUrl> urls = new HashMap<>();
        ready.forEach(item -> urls.put(item.id, item.write.url()));
        boolean creates = ready.stream().anyMatch(Item::isCreate);
        Exchange<RetryCause> exchange = http.send(
                request(ready),
                authorizer,
                cause -> creates && cause.outcomeUnknown() ? Optional.of(cause) : Optional.empty(),
                limiter.pacer(ready.size()));
        if (exchange instanceof Exchange.Settled<RetryCause> settled) {
            // The policy has waited already; the creates are looked up before the next batch.
            RetryCause cause = settled.value();
            ready.forEach(item -> uncertain(item, codeOf(cause), cause.describe(), Duration.ZERO));
            return;
        }
        if (exchange instanceof Exchange.GaveUp<RetryCause> gaveUp) {
            ready.forEach(item -> item.result = WriteOutcomes.retryable(item.write.change(), gaveUp));
            return;
        }
        HttpReply reply = ((Exchange.Answered<RetryCause>) exchange).reply();
        if (reply.status() == 401) {
            throw new CredentialsRejectedException("Graph refused a freshly issued token for client id " + clientId
                    + ": " + GraphError.of(reply).summary());
        }
        if (!reply.successful()) {
            GraphError error = GraphError.of(reply);
            ready.forEach(item -> item.result = ChangeResult.failed(
                    item.write.change(), Outcome.REJECTED, error.code(), "the batch was refused: " + error.summary()));
            return;
        }
        // One back-off for the whole round, so that the items it sends back travel together again.
        Duration backOff = backoff.delay(1
                + ready.stream()
                        .mapToInt(item -> item.attempts + item.throttles)
                        .max()
                        .orElse(0));
        Map<String, HttpReply> answers;
        try {
            answers = BatchJson.responses(reply, urls);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            String failure = reply.describe() + " is not a readable batch response: " + why;
            log.warn("{}; its writes may have been applied", failure);
            ready.forEach(item -> uncertain(item, "HTTP_" + reply.status(), failure, backOff));
            return;
        }
        int passed = 0;
        int throttled = 0;
        Duration longestWait = Duration.ZERO;
        for (Item item : ready) {
            HttpReply answer = answers.get(item.id);
            if (answer == null) {
                uncertain(item, "NO_ANSWER", reply.describe() + " has no answer for request " + item.id, backOff);
            } else if (HttpPolicy.isPassing(answer.status())) {
                Duration wait = passing(item, answer, backOff);
                throttled += answer.status() == 429 || answer.status() == 503 ? 1 : 0;
                longestWait = wait.compareTo(longestWait) > 0 ? wait : longestWait;
            } else {
                passed += answer.successful() ? 1 : 0;
                item.result = outcomes.settle(item.write, answer);
            }
        }
        if (passed > 0) {
            limiter.succeeded(passed);
        }
        if (throttled > 0) {
            log.warn(
                    "{}: {} of {} requests throttled, sending them again within {} ms",
                    endpoints.batch(),
                    throttled,
                    ready.size(),
                    longestWait.toMillis());
        }
    }

    private Request request(List<Item> ready) {
        List<String> ids = ready.stream().map(item -> item.id).toList();
        List<WriteRequest> writes = ready.stream().map(item -> item.write).toList();
        return new Request.Builder()
                .url(endpoints.batch())
                .header("Accept", "application/json")
                .post(GraphJson.body(BatchJson.request(ids, writes, endpoints)))
                .build();
    }

    /** A 429/5xx answer to one item: when to send it again ({@code backOff} unless it names a wait), or its retryable result. */
    private Duration passing(Item item, HttpReply answer, Duration backOff) {
        Optional<Duration> asked = RetryAfter.parse(answer.retryAfter(), clock);
        boolean throttled = HttpPolicy.isThrottled(answer, asked);
        GraphError error = GraphError.of(answer);
        if (throttled) {
            limiter.throttled(asked);
        }
        if (throttled && asked.isPresent() && asked.get().compareTo(retry.maxRetryAfter()) > 0) {
            item.result =
                    WriteOutcomes.deferred(item.write.change(), clock.instant().plus(asked.get()), error.summary());
            return Duration.ZERO;
        }
        if (answer.status() == 429) {
            return tooManyRequests(item, asked, backOff, error);
        }
        item.attempts++;
        if (item.attempts >= retry.maxAttempts()) {
            item.result = ChangeResult.failed(
                    item.write.change(),
                    Outcome.RETRYABLE,
                    error.code(),
                    "still failing after " + item.attempts + " attempts: " + error.summary());
            return Duration.ZERO;
        }
        if (asked.isPresent() && asked.get().compareTo(retry.maxRetryAfter()) > 0) {
            item.result = ChangeResult.failed(
                    item.write.change(),
                    Outcome.RETRYABLE,
                    error.code(),
                    "asked to retry after " + asked.get().toSeconds() + " s, longer than the "
                            + retry.maxRetryAfter().toSeconds() + " s this run waits: " + error.summary());
            return Duration.ZERO;
        }
        Duration wait = throttled
                ? asked.orElseThrow()
                : asked.filter(a -> a.compareTo(backOff) > 0).orElse(backOff);
        item.notBefore = clock.instant().plus(wait);
        // A server error, a 503 included, may have been applied.
        item.lookFirst = item.isCreate();
        item.lastFailure = error.summary();
        return wait;
    }

    /** An item answered 429: sent again after the wait asked for, or given up when throttled too long. */
    private Duration tooManyRequests(Item item, Optional<Duration> asked, Duration backOff, GraphError error) {
        Duration wait = asked.orElse(backOff);
        if (item.throttledFor.plus(wait).compareTo(retry.maxRetryAfter()) > 0) {
            item.result = ChangeResult.failed(
                    item.write.change(),
                    Outcome.RETRYABLE,
                    error.code(),
                    "throttled for " + item.throttledFor.toSeconds() + " s in all, asked to wait "
                            + wait.toSeconds() + " s more; this run waits "
                            + retry.maxRetryAfter().toSeconds() + " s at most: " + error.summary());
            return Duration.ZERO;
        }
        item.throttles++;
        item.throttledFor = item.throttledFor.plus(wait);
        item.notBefore = clock.instant().plus(wait);
        // A 429 was refused before processing: no look-up.
        item.lastFailure = error.summary();
        return wait;
    }

    /** The item may have been applied: sent again after {@code wait}, a create looked up first. */
    private void uncertain(Item item, String code, String failure, Duration wait) {
        item.attempts++;
        if (item.attempts >= retry.maxAttempts()) {
            item.result = ChangeResult.failed(
                    item.write.change(),
                    Outcome.RETRYABLE,
                    code,
                    "still failing after " + item.attempts + " attempts: " + failure);
            return;
        }
        item.notBefore = clock.instant().plus(wait);
        item.lookFirst = item.isCreate();
        item.lastFailure = failure;
    }

    private static String codeOf(RetryCause cause) {
        return cause.reply() == null
                ? cause.failure().getClass().getSimpleName()
                : GraphError.of(cause.reply()).code();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

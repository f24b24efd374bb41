package dev.dirsync.cloud.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request and repeats it while the failure is passing. The status codes it acts on:
 * <table>
 *   <caption>What each reply leads to</caption>
 *   <tr><th>reply</th><th>action</th></tr>
 *   <tr><td>429</td><td>throttled: wait what Retry-After asks (never less; back off without
 *       one), then repeat, without using up an attempt</td></tr>
 *   <tr><td>503 with Retry-After</td><td>throttled: wait what Retry-After asks, then repeat</td></tr>
 *   <tr><td>500, 502, 503, 504, transport failure</td><td>back off (exponential, jitter); then repeat</td></tr>
 *   <tr><td>401 (with an {@link Authorizer})</td><td>renew the credential once and repeat at once</td></tr>
 *   <tr><td>anything else</td><td>{@link Exchange.Answered}: the caller maps it</td></tr>
 * </table>
 * A 429 is not a failure: it uses up none of the request's attempts, only the run's patience
 * ({@link RetrySettings#maxRetryAfter} of such waits in all); a 503 may be an outage and uses one
 * up. A throttle asking for more than the run waits defers the request ({@link
 * Exchange.GaveUp#deferredUntil}). When attempts run out the
 * result is {@link Exchange.GaveUp}. Every response is read and closed before this returns. A
 * {@link Pacer} may hold every attempt back or defer it, and hears of every throttle with the wait
 * asked for. Knows nothing of any particular API, so the Graph and SCIM adapters share it.
 */
public final class HttpPolicy {
    private static final Logger log = LoggerFactory.getLogger(HttpPolicy.class);

    private final OkHttpClient client;
    private final RetrySettings settings;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;

    public HttpPolicy(
            OkHttpClient client, RetrySettings settings, Sleeper sleeper, Clock clock, RandomGenerator random) {
        this.client = client;
        this.settings = settings;
        this.backoff = new Backoff(settings.baseDelay(), settings.maxDelay(), random);
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Sends {@code request}, authorised by {@code authorizer} when not null. */
    public Exchange<Void> send(Request request, Authorizer authorizer) {
        return send(request, authorizer, RetryGuard.none());
    }

    /** Sends {@code request}; before every repeat {@code guard} may settle it instead. */
    public <T> Exchange<T> send(Request request, Authorizer authorizer, RetryGuard<T> guard) {
        return send(request, authorizer, guard, Pacer.NONE);
    }

    /**
     * Sends {@code request}; before every repeat {@code guard} may settle it instead, and before
     * every attempt {@code pacer} may hold it back.
     */
    public <T> Exchange<T> send(Request request, Authorizer authorizer, RetryGuard<T> guard, Pacer pacer) {
        boolean renewed = false;
        int attempt = 1;
        int throttles = 0;
        Duration throttledFor = Duration.ZERO;
        RetryCause last = null;
        while (true) {
            try {
                Optional<Instant> deferred = pacer.beforeAttempt();
                if (deferred.isPresent()) {
                    return deferred("the service asked for no writes before " + deferred.get(), last, deferred.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Exchange.GaveUp<>("interrupted while waiting for its turn", null, e);
            }
            String authorization = authorizer == null ? null : authorizer.authorization();
            Request toSend = authorization == null
                    ? request
                    : request.newBuilder()
                            .header("Authorization", authorization)
                            .build();
            RetryCause cause;
            try (Response response = client.newCall(toSend).execute()) {
                HttpReply reply = HttpReply.read(response);
                if (reply.status() == 401 && authorizer != null && !renewed) {
                    log.debug(
                            "{} {}: 401, renewing the access token once",
                            request.method(),
                            reply.url().encodedPath());
                    renewed = true;
                    authorizer.invalidate(authorization);
                    continue;
                }
                if (!isPassing(reply.status())) {
                    return new Exchange.Answered<>(reply);
                }
                cause = new RetryCause(reply, null);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return new Exchange.GaveUp<>("interrupted", null, e);
                }
                cause = new RetryCause(null, e);
            }
            last = cause;

            Optional<Duration> asked = cause.reply() == null
                    ? Optional.empty()
                    : RetryAfter.parse(cause.reply().retryAfter(), clock);
            boolean throttled = isThrottled(cause.reply(), asked);
            if (throttled) {
                pacer.throttled(asked);
            }
            boolean tooLong = asked.isPresent() && asked.get().compareTo(settings.maxRetryAfter()) > 0;
            String tooLongReason = tooLong
                    ? "asked to retry after " + asked.get().toSeconds() + " s, longer than the "
                            + settings.maxRetryAfter().toSeconds() + " s this run waits"
                    : null;
            if (throttled && tooLong) {
                return deferred(tooLongReason, cause, clock.instant().plus(asked.get()));
            }
            Duration delay;
            if (cause.reply() != null && cause.reply().status() == 429) {
                throttles++;
                delay = asked.isPresent() ? asked.get() : backoff.delay(throttles);
                if (throttledFor.plus(delay).compareTo(settings.maxRetryAfter()) > 0) {
                    return gaveUp(
                            "throttled for " + throttledFor.toSeconds() + " s in all, asked to wait "
                                    + delay.toSeconds() + " s more; this run waits "
                                    + settings.maxRetryAfter().toSeconds() + " s at most",
                            cause);
                }
                throttledFor = throttledFor.plus(delay);
            } else {
                if (attempt >= settings.maxAttempts()) {
                    return gaveUp("still failing after " + attempt + " attempts", cause);
                }
                if (tooLong) {
                    return gaveUp(tooLongReason, cause);
                }
                delay = throttled ? asked.orElseThrow() : delay(asked, attempt);
                attempt++;
            }
            log.warn(
                    "{} {}: {} ({}), retrying in {} ms",
                    request.method(),
                    Urls.withoutQuery(request.url()),
                    cause.reply() != null && cause.reply().status() == 429
                            ? "throttled"
                            : "attempt " + (attempt - 1) + " of " + settings.maxAttempts() + " failed",
                    cause.brief(),
                    delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Exchange.GaveUp<>("interrupted while waiting to retry", cause.reply(), e);
            }
            Optional<T> settled = guard.beforeResend(cause);
            if (settled.isPresent()) {
                return new Exchange.Settled<>(settled.get());
            }
        }
    }

    /** Throttled (429), unavailable (503) and the gateway/server errors that are known to pass. */
    public static boolean isPassing(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** A 429, or a 503 that names a wait: the server asks for fewer requests, not only for patience. */
    public static boolean isThrottled(HttpReply reply, Optional<Duration> retryAfter) {
        return reply != null && (reply.status() == 429 || (reply.status() == 503 && retryAfter.isPresent()));
    }

    /** The back-off after failure number {@code failures}, or the longer wait the server named. */
    private Duration delay(Optional<Duration> asked, int failures) {
        Duration computed = backoff.delay(failures);
        return asked.filter(a -> a.compareTo(computed) > 0).orElse(computed);
    }

    private static <T> Exchange<T> gaveUp(String reason, RetryCause cause) {
        return new Exchange.GaveUp<>(reason, cause.reply(), cause.failure());
    }

    private static <T> Exchange<T> deferred(String reason, RetryCause cause, Instant until) {
        return new Exchange.GaveUp<>(
                reason, cause == null ? null : cause.reply(), cause == null ? null : cause.failure(), until);
    }
}

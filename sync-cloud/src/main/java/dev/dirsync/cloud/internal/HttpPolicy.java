package dev.dirsync.cloud.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
 *   <tr><td>429, 503</td><td>wait what Retry-After asks (never less), else back off; then repeat</td></tr>
 *   <tr><td>500, 502, 504, transport failure</td><td>back off (exponential, jitter); then repeat</td></tr>
 *   <tr><td>401 (with an {@link Authorizer})</td><td>renew the credential once and repeat at once</td></tr>
 *   <tr><td>anything else</td><td>{@link Exchange.Answered}: the caller maps it</td></tr>
 * </table>
 * When attempts run out the result is {@link Exchange.GaveUp}. Every response is read and closed
 * before this returns. A {@link Pacer} may hold every attempt back and hears of every 429 (and of
 * every 503 that names a wait), with the wait asked for unless it is longer than this run waits. Knows nothing of any particular API, so the Graph and SCIM adapters
 * share it.
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
        while (true) {
            try {
                pacer.beforeAttempt();
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

            Optional<Duration> asked = cause.reply() == null
                    ? Optional.empty()
                    : RetryAfter.parse(cause.reply().retryAfter(), clock);
            if (isThrottled(cause.reply(), asked)) {
                // A wait longer than this run waits holds no one back: this request gives up below.
                pacer.throttled(asked.filter(wait -> wait.compareTo(settings.maxRetryAfter()) <= 0));
            }
            if (attempt >= settings.maxAttempts()) {
                return gaveUp("still failing after " + attempt + " attempts", cause);
            }
            if (asked.isPresent() && asked.get().compareTo(settings.maxRetryAfter()) > 0) {
                return gaveUp(
                        "asked to retry after " + asked.get().toSeconds() + " s, longer than the "
                                + settings.maxRetryAfter().toSeconds() + " s this run waits",
                        cause);
            }
            Duration delay = delay(cause, asked, attempt);
            log.warn(
                    "{} {}: attempt {} of {} failed ({}), retrying in {} ms",
                    request.method(),
                    Urls.withoutQuery(request.url()),
                    attempt,
                    settings.maxAttempts(),
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
            attempt++;
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

    private Duration delay(RetryCause cause, Optional<Duration> asked, int failures) {
        int status = cause.reply() == null ? 0 : cause.reply().status();
        if ((status == 429 || status == 503) && asked.isPresent()) {
            return asked.get();
        }
        Duration computed = backoff.delay(failures);
        // A server error that names a wait gets at least that wait.
        return asked.filter(a -> a.compareTo(computed) > 0).orElse(computed);
    }

    private static <T> Exchange<T> gaveUp(String reason, RetryCause cause) {
        return new Exchange.GaveUp<>(reason, cause.reply(), cause.failure());
    }
}

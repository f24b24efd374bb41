package dev.dirsync.cloud;

import dev.dirsync.cloud.internal.TargetUrls;
import java.time.Duration;

/**
 * What every HTTP target shares: where it is ({@code target.url}) and how patiently each request is
 * made ({@code target.connectTimeout}, {@code target.readTimeout}, {@code target.maxAttempts}).
 * Null timeouts take their defaults; anything invalid is refused here, naming the key. A target's
 * own settings compose this record and add what is theirs (credentials, pacing).
 *
 * @param url the target's root, normalised without a trailing slash: https, or http only for a
 *     loopback address (credentials never cross a network in clear)
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout read (and write) timeout per request
 * @param maxAttempts attempts per request, first one included, before a change is reported retryable
 */
public record HttpTargetSettings(String url, Duration connectTimeout, Duration readTimeout, int maxAttempts) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    public HttpTargetSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("target.url is required");
        }
        url = TargetUrls.httpsOrLoopback(url, "target.url");
        connectTimeout =
                positive(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout, "target.connectTimeout");
        readTimeout = positive(readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout, "target.readTimeout");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(
                    "target.maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
        }
    }

    /** {@code url} with the default timeouts and attempts. */
    public static HttpTargetSettings of(String url) {
        return new HttpTargetSettings(url, null, null, DEFAULT_MAX_ATTEMPTS);
    }

    private static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }
}

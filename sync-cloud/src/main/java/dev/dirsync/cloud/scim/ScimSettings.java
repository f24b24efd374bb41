package dev.dirsync.cloud.scim;

import dev.dirsync.cloud.internal.TargetUrls;
import java.time.Duration;

/**
 * Where and with which bearer token the SCIM adapter connects. Null optional values take their
 * defaults; anything invalid is refused here, naming the configuration key, without connecting
 * anywhere. The token never appears in {@link #toString()} nor in a validation message.
 *
 * @param url the service's base URL, the one {@code /Users} and {@code /ServiceProviderConfig} hang
 *     off (e.g. {@code https://scim.example.com/scim/v2}); https, or http only for a loopback address
 * @param token the bearer token sent as {@code Authorization: Bearer <token>}
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout read (and write) timeout per request
 * @param maxAttempts attempts per request, first one included, before a change is reported retryable
 */
public record ScimSettings(String url, String token, Duration connectTimeout, Duration readTimeout, int maxAttempts) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    public ScimSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("target.url is required (the SCIM service's base URL)");
        }
        url = TargetUrls.httpsOrLoopback(url, "target.url");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("target.token is required");
        }
        token = token.strip();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                // The position only: the token itself never reaches a message.
                throw new IllegalArgumentException("target.token may hold only visible ASCII characters, but character "
                        + (i + 1) + " is not one");
            }
        }
        connectTimeout = positive(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout,
                "target.connectTimeout");
        readTimeout = positive(readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout, "target.readTimeout");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(
                    "target.maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
        }
    }

    /** Settings with default timeouts and attempts. */
    public static ScimSettings of(String url, String token) {
        return builder().url(url).token(token).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "ScimSettings[url=" + url + ", token=****, connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxAttempts=" + maxAttempts + "]";
    }

    private static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }

    /** Builds settings; unset values take their defaults. */
    public static final class Builder {
        private String url;
        private String token;
        private Duration connectTimeout;
        private Duration readTimeout;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

        private Builder() {
        }

        public Builder url(String value) {
            this.url = value;
            return this;
        }

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public ScimSettings build() {
            return new ScimSettings(url, token, connectTimeout, readTimeout, maxAttempts);
        }

        @Override
        public String toString() {
            return "ScimSettings.Builder[url=" + url + ", token=****]";
        }
    }
}

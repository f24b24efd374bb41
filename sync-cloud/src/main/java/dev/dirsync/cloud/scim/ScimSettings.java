package dev.dirsync.cloud.scim;

import dev.dirsync.cloud.HttpTargetSettings;
import dev.dirsync.core.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and with which bearer token the SCIM adapter connects. Null optional values take their
 * defaults; anything invalid is refused here, naming the configuration key, without connecting
 * anywhere. The token never appears in a validation message.
 *
 * @param http the service's base URL, the one {@code /Users} and {@code /ServiceProviderConfig} hang
 *     off (e.g. {@code https://scim.example.com/scim/v2}), timeouts and attempts
 * @param token the bearer token sent as {@code Authorization: Bearer <token>}
 */
public record ScimSettings(HttpTargetSettings http, Secret token) {

    public ScimSettings {
        Objects.requireNonNull(http, "http");
        if (token == null || token.reveal().isBlank()) {
            throw new IllegalArgumentException("target.token is required");
        }
        String text = token.reveal().strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                // The position only: the token itself never reaches a message.
                throw new IllegalArgumentException("target.token may hold only visible ASCII characters, but character "
                        + (i + 1) + " is not one");
            }
        }
        token = text.equals(token.reveal()) ? token : Secret.of(text, token.origin());
    }

    /** Settings with default timeouts and attempts; {@code token} as typed. */
    public static ScimSettings of(String url, String token) {
        return builder().url(url).token(token == null ? null : Secret.of(token)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The service's base URL, https (http only for a loopback address). */
    public String url() {
        return http.url();
    }

    public Duration connectTimeout() {
        return http.connectTimeout();
    }

    public Duration readTimeout() {
        return http.readTimeout();
    }

    public int maxAttempts() {
        return http.maxAttempts();
    }

    /** Builds settings; unset values take their defaults. */
    public static final class Builder {
        private String url;
        private Secret token;
        private Duration connectTimeout;
        private Duration readTimeout;
        private int maxAttempts = HttpTargetSettings.DEFAULT_MAX_ATTEMPTS;

        private Builder() {}

        public Builder url(String value) {
            this.url = value;
            return this;
        }

        public Builder token(Secret value) {
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
            if (url == null || url.isBlank()) {
                // A SCIM service has no default address, unlike Graph.
                throw new IllegalArgumentException("target.url is required (the SCIM service's base URL)");
            }
            return new ScimSettings(new HttpTargetSettings(url, connectTimeout, readTimeout, maxAttempts), token);
        }
    }
}

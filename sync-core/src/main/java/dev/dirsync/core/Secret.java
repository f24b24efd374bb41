package dev.dirsync.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, token or key. Its text is reachable only through {@link #reveal()}: {@link #toString()}
 * prints {@code ****} and, when known, where the value came from, so records holding a secret are
 * safe to log as they are. Two secrets are equal when their values are (compared in constant time).
 */
public final class Secret {
    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = origin;
    }

    public static Secret of(String value) {
        return new Secret(value, null);
    }

    /** @param origin where the value came from, for messages: "inline", "env:NAME", "file:PATH" */
    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
    }

    public String reveal() {
        return value;
    }

    /** Where the value came from; null when not known. */
    public String origin() {
        return origin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return origin == null ? "****" : "**** (" + origin + ")";
    }
}

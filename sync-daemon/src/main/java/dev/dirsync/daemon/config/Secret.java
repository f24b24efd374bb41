package dev.dirsync.daemon.config;

import java.util.Objects;

/** A secret value from the configuration. Its text is reachable only through {@link #reveal()}. */
public final class Secret {
    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = origin;
    }

    /** @param origin where it came from, for messages: "inline", "env:NAME", "file:PATH" */
    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
    }

    public String reveal() {
        return value;
    }

    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "Secret[" + origin + ", redacted]";
    }
}

package dev.dirsync.cloud.graph;

import java.util.Locale;

/**
 * Whether, before creating a user, the adapter looks for an existing cloud user that no directory
 * object has claimed yet (no onPremisesImmutableId) and adopts it instead: it writes the anchor and
 * the properties onto it. A user that carries another anchor is never adopted.
 */
public enum SoftMatch {
    /** Never: every unknown anchor is created. */
    OFF,
    /** A cloud user whose userPrincipalName equals the new user's. */
    UPN,
    /** A cloud user holding the new user's mail address as its primary SMTP proxy address, or as its mail. */
    SMTP;

    /** The value as written in the configuration: off, upn, smtp. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As configured: off, upn, smtp. */
    @Override
    public String toString() {
        return configName();
    }

    /** Parses a configuration value, case-insensitively. */
    public static SoftMatch fromConfig(String value) {
        if (value != null) {
            for (SoftMatch mode : values()) {
                if (mode.configName().equalsIgnoreCase(value.strip())) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("target.softMatch must be off, upn or smtp, got '" + value + "'");
    }
}

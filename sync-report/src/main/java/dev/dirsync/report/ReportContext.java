package dev.dirsync.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What the report header says about the run: when the report was made, what was read (for example
 * the LDAP URL and search base) and which readiness profile was applied. Never put credentials in
 * {@code source}.
 */
public record ReportContext(Instant generatedAt, String source, String profile) {
    public ReportContext {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(profile, "profile");
    }
}

package dev.dirsync.core.rules;

import dev.dirsync.core.model.SourceEntry;
import java.util.Optional;

/**
 * Applies the sync-readiness rules (shared spec readiness-rules.md) to objects in read order. One
 * instance spans one run: it keeps the duplicate index.
 */
public final class ReadinessChecker {
    private final RuleSettings settings;

    public ReadinessChecker(RuleSettings settings) {
        this.settings = settings;
    }

    /** Why this object is never checked nor exported (a system object), or empty. */
    public Optional<String> skipReason(SourceEntry entry) {
        return Optional.empty();
    }

    /** Checks one object; call in read order, once per object. */
    public CheckResult check(SourceEntry entry) {
        return CheckResult.clean(entry);
    }

    public RuleSettings settings() {
        return settings;
    }
}

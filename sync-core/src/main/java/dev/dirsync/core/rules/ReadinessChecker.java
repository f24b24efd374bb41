package dev.dirsync.core.rules;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.internal.ObjectChecker;
import dev.dirsync.core.rules.internal.SkipList;
import java.util.Optional;

/**
 * Applies the sync-readiness rules (docs/readiness-rules.md) to objects in read order. One
 * instance spans one run: it keeps the duplicate index. Not thread-safe: one reader calls it.
 */
public final class ReadinessChecker {
    private final RuleSettings settings;
    private final SkipList skipList = new SkipList();
    private final ObjectChecker checker;

    public ReadinessChecker(RuleSettings settings) {
        this(settings, ValueOwners.NONE);
    }

    /** @param owners who held a unique value before this run (it keeps it, whatever the read order) */
    public ReadinessChecker(RuleSettings settings, ValueOwners owners) {
        this.settings = settings;
        this.checker = new ObjectChecker(settings, owners);
    }

    /** Why this object is never checked nor exported (a system object), or empty. */
    public Optional<String> skipReason(SourceEntry entry) {
        return skipList.reasonFor(entry);
    }

    /**
     * Checks one object; call in read order, once per object that {@link #skipReason} keeps. A
     * tombstone is not checked: it holds no value any more. An object without a usable anchor
     * ({@link SourceEntry#anchored()} false) is checked too and always comes back blocked.
     */
    public CheckResult check(SourceEntry entry) {
        return entry.deleted() ? CheckResult.clean(entry) : checker.check(entry);
    }

    public RuleSettings settings() {
        return settings;
    }
}

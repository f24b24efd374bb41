package dev.dirsync.core.engine;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.ReadinessChecker;
import dev.dirsync.core.rules.RuleSettings;
import java.util.Optional;

/**
 * The first stage of every run: skips system objects, checks the rest (findings go to the sink)
 * and says whether the object may be exported. One instance per run (it owns the duplicate index).
 */
final class Screening {
    private final ReadinessChecker checker;
    private final FindingSink findings;
    private final SyncListener listener;

    Screening(RuleSettings rules, FindingSink findings, SyncListener listener) {
        this.checker = new ReadinessChecker(rules);
        this.findings = findings;
        this.listener = listener;
    }

    /** The checked object when it may be exported; empty after counting it as skipped or blocked. */
    Optional<CheckResult> screen(SourceEntry entry, RunCounters counters) {
        Optional<String> skip = checker.skipReason(entry);
        if (skip.isPresent() || entry.deleted()) {
            counters.skipped++;
            listener.skipped(entry, skip.orElse("deleted"));
            return Optional.empty();
        }
        CheckResult checked = checker.check(entry);
        for (Finding finding : checked.findings()) {
            findings.accept(entry, finding);
        }
        if (!entry.kind().exported()) {
            counters.skipped++;
            listener.skipped(entry, entry.kind().reportName() + "s are checked, not exported");
            return Optional.empty();
        }
        if (checked.blocked()) {
            counters.blocked++;
            listener.blocked(checked);
            return Optional.empty();
        }
        return Optional.of(checked);
    }
}

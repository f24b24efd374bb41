package dev.dirsync.core.engine;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.ReadinessChecker;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.core.rules.ValueOwners;
import java.util.Optional;

/**
 * The first stage of every run: skips system objects, checks the rest (findings go to the sink)
 * and says whether the object may be exported. One instance per run (it owns the duplicate index).
 */
final class Screening {
    private final ReadinessChecker checker;
    private final FindingSink findings;
    private final SyncListener listener;

    Screening(RuleSettings rules, ValueOwners owners, FindingSink findings, SyncListener listener) {
        this.checker = new ReadinessChecker(rules, owners);
        this.findings = findings;
        this.listener = listener;
    }

    /** The verdict on one object; skipped and blocked objects are counted here. */
    record Verdict(CheckResult checked, boolean blocked) {
        static final Verdict NOT_EXPORTED = new Verdict(null, false);

        Optional<CheckResult> exportable() {
            return checked == null || blocked ? Optional.empty() : Optional.of(checked);
        }
    }

    Verdict screen(SourceEntry entry, RunCounters counters) {
        Optional<String> skip = checker.skipReason(entry);
        if (skip.isPresent() || entry.deleted()) {
            counters.skipped++;
            listener.skipped(entry, skip.orElse("deleted"));
            return Verdict.NOT_EXPORTED;
        }
        CheckResult checked = checker.check(entry);
        for (Finding finding : checked.findings()) {
            findings.accept(entry, finding);
        }
        if (!entry.kind().exported()) {
            counters.skipped++;
            listener.skipped(entry, entry.kind().reportName() + "s are checked, not exported");
            return Verdict.NOT_EXPORTED;
        }
        if (checked.blocked()) {
            counters.blocked++;
            listener.blocked(checked);
            return new Verdict(checked, true);
        }
        return new Verdict(checked, false);
    }
}

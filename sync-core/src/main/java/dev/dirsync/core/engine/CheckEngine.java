package dev.dirsync.core.engine;

import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.core.rules.ValueOwners;
import java.util.Optional;

/**
 * A readiness check without a cloud: streams the directory through the rules into the findings
 * sink, and counts what it found; it plans nothing.
 */
public final class CheckEngine {
    private final DirectorySource source;
    private final RuleSettings rules;
    private final FindingSink findings;
    private final SyncListener listener;

    public CheckEngine(DirectorySource source, RuleSettings rules, FindingSink findings, SyncListener listener) {
        this.source = source;
        this.rules = rules;
        this.findings = findings;
        this.listener = listener;
    }

    public CheckSummary run() {
        listener.stage("checking directory");
        RunCounters counters = new RunCounters();
        long[] exportable = {0};
        Screening screening = new Screening(rules, ValueOwners.NONE, findings, listener);
        source.read(Optional.empty(), entry -> {
            counters.read++;
            if (screening.screen(entry, counters).exportable().isPresent()) {
                exportable[0]++;
            }
            listener.progress(counters.snapshot());
        });
        return new CheckSummary(counters.read, counters.skipped, counters.blocked, exportable[0]);
    }
}

package dev.dirsync.core.engine;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.port.RunLog;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.ProposedAction;
import dev.dirsync.core.state.ObjectError;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Books an object a run does not export: among the run's per-object errors (kind {@code blocked}),
 * and, where the engine found the reason rather than the rules, in the cleanup report. Counting is
 * the engine's.
 */
final class BlockedObjects {
    private final RunLog runLog;
    private final FindingSink findings;
    private final long runId;

    BlockedObjects(RunLog runLog, FindingSink findings, long runId) {
        this.runLog = runLog;
        this.findings = findings;
        this.runId = runId;
    }

    /** Blocked by its readiness findings (already in the report). */
    void byRules(CheckResult checked) {
        String classes =
                checked.findings().stream().map(Finding::errorText).distinct().collect(Collectors.joining("; "));
        String attributes =
                checked.findings().stream().map(Finding::attribute).distinct().collect(Collectors.joining(", "));
        record(checked.entry(), classes, "readiness findings on " + attributes);
    }

    /** Another object of the read carries the same anchor. */
    void byDuplicateAnchor(SourceEntry entry, String otherCarrier) {
        report(entry, "anchor", entry.anchor().value(), ErrorClass.DUPLICATE_ANCHOR, otherCarrier);
        record(
                entry,
                ErrorClass.DUPLICATE_ANCHOR.label(),
                "the anchor " + entry.anchor().value() + " is also carried by " + otherCarrier);
    }

    /** A value the change would introduce is held by another object. */
    void byConflict(SourceEntry entry, UniquenessGuard.Conflict conflict) {
        boolean otherMail = "otherMails".equals(conflict.property());
        report(
                entry,
                otherMail ? "proxyAddresses" : conflict.property(),
                otherMail ? "smtp:" + conflict.value() : conflict.value(),
                ErrorClass.DUPLICATE,
                conflict.holder());
        record(entry, ErrorClass.DUPLICATE.label(), conflict.message());
    }

    private void report(SourceEntry entry, String attribute, String value, ErrorClass errorClass, String detail) {
        findings.accept(
                entry, new Finding(attribute, value, List.of(errorClass), null, ProposedAction.COMPLETE, detail));
    }

    private void record(SourceEntry entry, String code, String message) {
        runLog.recordError(
                new ObjectError(entry.anchor(), entry.dn(), runId, "blocked", code, message, 1, Instant.now()));
    }
}

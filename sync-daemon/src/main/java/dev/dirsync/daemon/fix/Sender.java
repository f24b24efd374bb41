package dev.dirsync.daemon.fix;

import dev.dirsync.core.fix.Verdict;
import dev.dirsync.core.fix.WriteResult;
import dev.dirsync.core.port.DirectoryWriter;

/** Delivers a change for real: its inverse to the undo file first (on disk), then the change itself. */
final class Sender implements RowProcessor.Delivery {
    private final DirectoryWriter writer;
    private final UndoJournal journal;

    Sender(DirectoryWriter writer, UndoJournal journal) {
        this.writer = writer;
        this.journal = journal;
    }

    @Override
    public RowOutcome deliver(FixItem item, Verdict.Ready ready) {
        journal.append(ready.inverse(), item.row());
        WriteResult result = writer.apply(ready.change());
        return switch (result.status()) {
            case APPLIED -> RowOutcome.of(item, RowOutcome.Kind.APPLIED, ready.describe());
            case SKIPPED -> RowOutcome.of(item, RowOutcome.Kind.SKIPPED, result.reason());
            case FAILED -> RowOutcome.of(item, RowOutcome.Kind.FAILED, result.reason());
        };
    }
}

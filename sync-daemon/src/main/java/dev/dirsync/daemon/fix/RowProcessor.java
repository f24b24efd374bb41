package dev.dirsync.daemon.fix;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.ChangeCheck;
import dev.dirsync.core.fix.CurrentValues;
import dev.dirsync.core.fix.RowPlan;
import dev.dirsync.core.fix.Verdict;
import dev.dirsync.core.port.DirectoryWriter;
import java.util.Optional;

/**
 * Takes one item from plan to outcome: re-reads the attribute, confirms the change still applies
 * to what is there now, and hands it to the delivery (print it, or journal and send it). Once the
 * directory is lost, the remaining items are not attempted; the loss is kept for the caller.
 */
final class RowProcessor {

    /** What happens to a change that still applies. */
    @FunctionalInterface
    interface Delivery {
        RowOutcome deliver(FixItem item, Verdict.Ready ready);
    }

    private final DirectoryWriter writer;
    private final Delivery delivery;
    private DirsyncException lost;

    RowProcessor(DirectoryWriter writer, Delivery delivery) {
        this.writer = writer;
        this.delivery = delivery;
    }

    RowOutcome process(FixItem item) {
        if (item.plan() instanceof RowPlan.Rejected rejected) {
            return RowOutcome.of(item, RowOutcome.Kind.SKIPPED, rejected.reason());
        }
        if (item.plan() instanceof RowPlan.Complete) {
            return RowOutcome.of(item, RowOutcome.Kind.COMPLETE, "COMPLETE: nothing to change");
        }
        if (lost != null) {
            return RowOutcome.of(item, RowOutcome.Kind.SKIPPED, "not attempted: the directory was lost");
        }
        AttributeChange change = ((RowPlan.Change) item.plan()).change();
        try {
            return check(item, change);
        } catch (UnavailableException | CredentialsRejectedException e) {
            lost = e;
            return RowOutcome.of(item, RowOutcome.Kind.FAILED, e.getMessage());
        }
    }

    /** The failure that ended the work with the directory, if one did. */
    Optional<DirsyncException> lost() {
        return Optional.ofNullable(lost);
    }

    private RowOutcome check(FixItem item, AttributeChange change) {
        CurrentValues current = writer.read(change.dn(), change.attribute());
        if (current instanceof CurrentValues.NoObject) {
            return RowOutcome.of(item, RowOutcome.Kind.SKIPPED, "the object no longer exists");
        }
        if (current instanceof CurrentValues.Refused refused) {
            return RowOutcome.of(item, RowOutcome.Kind.FAILED, refused.reason());
        }
        Verdict verdict = ChangeCheck.verify(change, ((CurrentValues.Found) current).values());
        if (verdict instanceof Verdict.Stale stale) {
            return RowOutcome.of(item, RowOutcome.Kind.SKIPPED, stale.reason());
        }
        return delivery.deliver(item, (Verdict.Ready) verdict);
    }
}

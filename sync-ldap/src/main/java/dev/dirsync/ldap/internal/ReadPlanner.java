package dev.dirsync.ldap.internal;

import dev.dirsync.core.port.SyncCursor;
import java.util.Optional;

/**
 * Decides between a full and a delta read. A delta needs a cursor of the server's kind, taken under
 * the same scope settings; on Active Directory also from the same DC (uSNChanged is local to one
 * DC's database) and the same database instance (invocationId: a DC restored from backup reuses
 * USNs), with a watermark not above the DC's highestCommittedUSN.
 */
public final class ReadPlanner {
    private ReadPlanner() {}

    /** For Active Directory: {@code dc} is where the DC stands now. */
    public static ReadPlan forActiveDirectory(Optional<SyncCursor> since, DcState dc, String scope) {
        if (since.isEmpty()) {
            return new ReadPlan.Full("no cursor");
        }
        Optional<AdUsnCursor> parsed;
        try {
            parsed = AdUsnCursor.parse(since.get());
        } catch (IllegalArgumentException e) {
            return new ReadPlan.Full("the " + AdUsnCursor.KIND + " cursor cannot be read (" + e.getMessage() + ")");
        }
        if (parsed.isEmpty()) {
            return new ReadPlan.Full("the cursor is of kind '" + since.get().kind() + "', not '" + AdUsnCursor.KIND
                    + "' as Active Directory needs");
        }
        AdUsnCursor cursor = parsed.get();
        DcState then = cursor.dc();
        if (!cursor.scope().equals(scope)) {
            return new ReadPlan.Full("the scope settings (bases, filter, excludedDns, groupDn, skipDisabled) "
                    + "changed since the cursor was taken");
        }
        if (!then.sameDc(dc)) {
            return new ReadPlan.Full("the cursor is for the DC '" + then.dsServiceName() + "' at " + then.host()
                    + ", this read is served by '" + dc.dsServiceName() + "' at " + dc.host());
        }
        if (!then.invocationId().equalsIgnoreCase(dc.invocationId())) {
            return new ReadPlan.Full("the DC's invocationId changed from " + then.invocationId() + " to "
                    + dc.invocationId() + " (restored from a backup?): its USNs no longer compare");
        }
        if (dc.highestCommittedUsn() < then.highestCommittedUsn()) {
            return new ReadPlan.Full("the DC's highestCommittedUSN " + dc.highestCommittedUsn()
                    + " is below the cursor's watermark " + then.highestCommittedUsn());
        }
        return new ReadPlan.AdDelta(cursor);
    }

    /** For servers other than Active Directory. */
    public static ReadPlan forOtherServers(Optional<SyncCursor> since, String scope) {
        if (since.isEmpty()) {
            return new ReadPlan.Full("no cursor");
        }
        Optional<ModifyTimestampCursor> parsed;
        try {
            parsed = ModifyTimestampCursor.parse(since.get());
        } catch (IllegalArgumentException e) {
            return new ReadPlan.Full(
                    "the " + ModifyTimestampCursor.KIND + " cursor cannot be read (" + e.getMessage() + ")");
        }
        if (parsed.isEmpty()) {
            return new ReadPlan.Full(
                    "the cursor is of kind '" + since.get().kind() + "', not '" + ModifyTimestampCursor.KIND + "'");
        }
        if (!parsed.get().scope().equals(scope)) {
            return new ReadPlan.Full(
                    "the scope settings (bases, filter, excludedDns, groupDn) changed since the " + "cursor was taken");
        }
        return new ReadPlan.TimestampDelta(parsed.get());
    }
}

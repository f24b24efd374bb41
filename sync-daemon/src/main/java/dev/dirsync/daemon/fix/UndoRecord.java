package dev.dirsync.daemon.fix;

import dev.dirsync.core.fix.ValueChange;
import java.util.List;

/**
 * One change record of an undo file.
 *
 * @param line the line its {@code dn:} is on
 */
record UndoRecord(int line, String dn, String attribute, List<ValueChange> changes) {
    UndoRecord {
        changes = List.copyOf(changes);
    }
}

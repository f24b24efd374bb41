package dev.dirsync.core.fix;

import java.util.List;
import java.util.Optional;

/**
 * Decides what a cleanup report row means as a directory change, before looking at the directory:
 * <ul>
 *   <li>EDIT on proxyAddresses: delete VALUE and add UPDATE, in one change, if VALUE is still there;</li>
 *   <li>EDIT on a single-valued attribute: replace, if VALUE is still its only value (or it is still
 *       empty, when VALUE is empty);</li>
 *   <li>REMOVE: delete VALUE, if it is still there (and, single-valued, still the only value);</li>
 *   <li>COMPLETE: no change; an empty ACTION: not approved, no change.</li>
 * </ul>
 * Rows that cannot mean a change (EDIT without UPDATE, REMOVE without VALUE, an attribute the
 * readiness rules do not check) are rejected with the reason.
 */
public final class FixPlanner {
    private FixPlanner() {}

    public static RowPlan plan(FixRow row) {
        if (row.action() == null) {
            return new RowPlan.Rejected("ACTION is empty: the row was not approved");
        }
        Optional<FixableAttribute> found = FixableAttribute.find(row.attribute());
        if (found.isEmpty()) {
            return notFixable(row.attribute());
        }
        if (row.dn().isBlank()) {
            return new RowPlan.Rejected("DISTINGUISHEDNAME is empty");
        }
        FixableAttribute attribute = found.get();
        String value = emptyToNull(row.value());
        String update = emptyToNull(row.update());
        return switch (row.action()) {
            case COMPLETE -> new RowPlan.Complete();
            case EDIT -> edit(row.dn(), attribute, value, update);
            case REMOVE -> remove(row.dn(), attribute, value);
        };
    }

    /**
     * A change read back from an undo file, guarded by its own first operation
     * ({@link AttributeChange#guarded}).
     */
    public static RowPlan replay(String dn, String attributeName, List<ValueChange> changes) {
        Optional<FixableAttribute> found = FixableAttribute.find(attributeName);
        if (found.isEmpty()) {
            return notFixable(attributeName);
        }
        if (changes.isEmpty()) {
            return new RowPlan.Rejected("the record changes no value");
        }
        if (changes.get(0).operation() == ValueChange.Operation.REPLACE) {
            return new RowPlan.Rejected(
                    "a replayed change must start with a delete or an add of a value, not a replace");
        }
        return new RowPlan.Change(AttributeChange.guarded(dn, found.get(), changes));
    }

    private static RowPlan edit(String dn, FixableAttribute attribute, String value, String update) {
        if (update == null) {
            return new RowPlan.Rejected("EDIT needs the new value in UPDATE (to remove the value, use REMOVE)");
        }
        if (update.equals(value)) {
            return new RowPlan.Rejected("UPDATE equals VALUE: nothing to change");
        }
        if (attribute.multiValued()) {
            if (value == null) {
                return new RowPlan.Rejected("EDIT on " + attribute.name() + " needs the value to replace in VALUE");
            }
            return change(
                    dn,
                    attribute,
                    new Precondition.Holds(value),
                    List.of(ValueChange.delete(value), ValueChange.add(update)));
        }
        Precondition precondition = value == null ? new Precondition.Absent() : new Precondition.HoldsOnly(value);
        return change(dn, attribute, precondition, List.of(ValueChange.replace(update)));
    }

    private static RowPlan remove(String dn, FixableAttribute attribute, String value) {
        if (value == null) {
            return new RowPlan.Rejected("REMOVE needs the value to remove in VALUE");
        }
        Precondition precondition =
                attribute.multiValued() ? new Precondition.Holds(value) : new Precondition.HoldsOnly(value);
        return change(dn, attribute, precondition, List.of(ValueChange.delete(value)));
    }

    private static RowPlan change(
            String dn, FixableAttribute attribute, Precondition precondition, List<ValueChange> changes) {
        return new RowPlan.Change(new AttributeChange(dn, attribute, precondition, changes));
    }

    private static RowPlan notFixable(String attribute) {
        return new RowPlan.Rejected(
                "'" + attribute + "' is not an attribute dirsync fix writes (only " + FixableAttribute.names() + ")");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

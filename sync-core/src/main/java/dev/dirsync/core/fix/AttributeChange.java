package dev.dirsync.core.fix;

import java.util.List;
import java.util.Objects;

/**
 * One change to one attribute of one object, sent as one LDAP modify: its value operations in
 * order, made only if the precondition still holds.
 */
public record AttributeChange(
        String dn, FixableAttribute attribute, Precondition precondition, List<ValueChange> changes) {
    public AttributeChange {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(precondition, "precondition");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a change needs at least one value operation");
        }
    }

    /**
     * The change made of {@code changes}, guarded by what they take for granted: the first
     * operation's deleted value must be there (and be the only value of a single-valued attribute),
     * or its added value must not be (and a single-valued attribute must be empty). This is the
     * precondition of every reversing change, and of every change replayed from an undo file.
     *
     * @throws IllegalArgumentException when the first operation is a replace, which takes nothing for
     *     granted
     */
    public static AttributeChange guarded(String dn, FixableAttribute attribute, List<ValueChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a change needs at least one value operation");
        }
        ValueChange first = changes.get(0);
        Precondition precondition =
                switch (first.operation()) {
                    case DELETE -> attribute.multiValued()
                            ? new Precondition.Holds(first.value())
                            : new Precondition.HoldsOnly(first.value());
                    case ADD -> attribute.multiValued()
                            ? new Precondition.Lacks(first.value())
                            : new Precondition.Absent();
                    case REPLACE -> throw new IllegalArgumentException(
                            "a change starting with a replace cannot be guarded by its own values");
                };
        return new AttributeChange(dn, attribute, precondition, changes);
    }
}

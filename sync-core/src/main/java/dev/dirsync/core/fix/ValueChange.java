package dev.dirsync.core.fix;

import java.util.Objects;

/** One operation on one value of an attribute, as an LDAP modify carries it. */
public record ValueChange(Operation operation, String value) {

    public enum Operation {
        /** Add the value. */
        ADD,
        /** Delete the value (only that value). */
        DELETE,
        /** Make the value the attribute's only value. */
        REPLACE
    }

    public ValueChange {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a directory value cannot be empty");
        }
    }

    public static ValueChange add(String value) {
        return new ValueChange(Operation.ADD, value);
    }

    public static ValueChange delete(String value) {
        return new ValueChange(Operation.DELETE, value);
    }

    public static ValueChange replace(String value) {
        return new ValueChange(Operation.REPLACE, value);
    }
}

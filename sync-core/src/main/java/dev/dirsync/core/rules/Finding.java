package dev.dirsync.core.rules;

import java.util.List;
import java.util.Objects;

/**
 * The findings on one value of one attribute: its error classes in the order the rules ran, the
 * suggested value (UPDATE column), the proposed action and a detail (for a duplicate, the other
 * holder's DN).
 */
public record Finding(
        String attribute,
        String value,
        List<ErrorClass> classes,
        String suggested,
        ProposedAction action,
        String detail) {
    public Finding {
        Objects.requireNonNull(attribute, "attribute");
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a finding needs at least one error class");
        }
        Objects.requireNonNull(action, "action");
    }

    /** The ERROR column: the classes joined by ", ". */
    public String errorText() {
        StringBuilder out = new StringBuilder();
        for (ErrorClass c : classes) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(c.label());
        }
        return out.toString();
    }
}

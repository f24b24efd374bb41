package dev.dirsync.core.fix;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What must be true of an attribute's current values for a change to be made. dirsync checks it on
 * the values it has just re-read, and the directory checks it again when the change arrives (as an
 * LDAP assertion), so a change made in between makes the write fail instead of being overwritten.
 * Values are compared exactly; the directory compares with the attribute's matching rule.
 */
public sealed interface Precondition {

    /**
     * Why the precondition does not hold for {@code values} of {@code attribute}; empty when it holds.
     */
    Optional<String> violation(String attribute, List<String> values);

    /** The attribute holds {@code value} among others (a multi-valued attribute). */
    record Holds(String value) implements Precondition {
        public Holds {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<String> violation(String attribute, List<String> values) {
            return values.contains(value)
                    ? Optional.empty()
                    : Optional.of(FixText.quote(value) + " is no longer a value of " + attribute);
        }
    }

    /** The attribute holds {@code value} and no other. */
    record HoldsOnly(String value) implements Precondition {
        public HoldsOnly {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<String> violation(String attribute, List<String> values) {
            if (values.size() == 1 && values.get(0).equals(value)) {
                return Optional.empty();
            }
            if (values.isEmpty()) {
                return Optional.of(attribute + " is now empty, not " + FixText.quote(value));
            }
            if (values.size() > 1) {
                return Optional.of(
                        attribute + " now holds " + values.size() + " values, not only " + FixText.quote(value));
            }
            return Optional.of(attribute + " is now " + FixText.quote(values.get(0)) + ", not " + FixText.quote(value));
        }
    }

    /** The attribute does not hold {@code value} (compared ignoring case, as the directory does). */
    record Lacks(String value) implements Precondition {
        public Lacks {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<String> violation(String attribute, List<String> values) {
            String wanted = value.toLowerCase(Locale.ROOT);
            boolean held =
                    values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted));
            return held ? Optional.of(FixText.quote(value) + " is already a value of " + attribute) : Optional.empty();
        }
    }

    /** The attribute has no value. */
    record Absent() implements Precondition {
        @Override
        public Optional<String> violation(String attribute, List<String> values) {
            return values.isEmpty()
                    ? Optional.empty()
                    : Optional.of(attribute + " now has the value " + FixText.quote(values.get(0)) + ", expected none");
        }
    }
}

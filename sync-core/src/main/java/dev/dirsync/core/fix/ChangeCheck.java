package dev.dirsync.core.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a change against the values just re-read: its precondition must hold, each deleted value
 * must be there (exactly) and each added value must not be (ignoring case, as directories compare
 * these attributes). When it can be made, works out the values it leaves and the change that
 * reverses it.
 */
public final class ChangeCheck {
    private ChangeCheck() {}

    public static Verdict verify(AttributeChange change, List<String> current) {
        String attribute = change.attribute().name();
        Optional<String> violation = change.precondition().violation(attribute, current);
        if (violation.isPresent()) {
            return new Verdict.Stale(violation.get());
        }
        List<String> state = new ArrayList<>(current);
        List<List<ValueChange>> undoGroups = new ArrayList<>();
        for (ValueChange step : change.changes()) {
            String value = step.value();
            switch (step.operation()) {
                case DELETE -> {
                    if (!state.remove(value)) {
                        return new Verdict.Stale(FixText.quote(value) + " is no longer a value of " + attribute);
                    }
                    undoGroups.add(List.of(ValueChange.add(value)));
                }
                case ADD -> {
                    if (containsIgnoringCase(state, value)) {
                        return new Verdict.Stale(FixText.quote(value) + " is already a value of " + attribute);
                    }
                    state.add(value);
                    undoGroups.add(List.of(ValueChange.delete(value)));
                }
                case REPLACE -> {
                    List<ValueChange> undo = new ArrayList<>();
                    undo.add(ValueChange.delete(value));
                    state.forEach(previous -> undo.add(ValueChange.add(previous)));
                    undoGroups.add(undo);
                    state = new ArrayList<>(List.of(value));
                }
            }
        }
        List<ValueChange> undo = new ArrayList<>();
        for (int i = undoGroups.size() - 1; i >= 0; i--) {
            undo.addAll(undoGroups.get(i));
        }
        AttributeChange inverse = AttributeChange.guarded(change.dn(), change.attribute(), undo);
        return new Verdict.Ready(change, inverse, current, state);
    }

    private static boolean containsIgnoringCase(List<String> values, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted));
    }
}

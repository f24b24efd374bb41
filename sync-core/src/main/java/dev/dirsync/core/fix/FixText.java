package dev.dirsync.core.fix;

import java.util.ArrayList;
import java.util.List;

/** How values appear in fix messages and output: quoted, with control characters escaped. */
public final class FixText {
    private FixText() {}

    /** {@code 'value'} with control characters as {@code \n}, {@code \t}, {@code \}{@code uXXXX}; null is {@code (none)}. */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /**
     * The values {@code before} loses and {@code after} gains: {@code 'old' -> 'new'},
     * {@code (none) -> 'new'}, {@code 'old' -> (removed)}; {@code no change} when they are equal.
     */
    public static String describe(List<String> before, List<String> after) {
        List<String> removed = minus(before, after);
        List<String> added = minus(after, before);
        if (removed.isEmpty() && added.isEmpty()) {
            return "no change";
        }
        return (removed.isEmpty() ? "(none)" : join(removed)) + " -> " + (added.isEmpty() ? "(removed)" : join(added));
    }

    private static List<String> minus(List<String> values, List<String> others) {
        List<String> rest = new ArrayList<>(others);
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (!rest.remove(value)) {
                out.add(value);
            }
        }
        return out;
    }

    private static String join(List<String> values) {
        return String.join(", ", values.stream().map(FixText::quote).toList());
    }
}

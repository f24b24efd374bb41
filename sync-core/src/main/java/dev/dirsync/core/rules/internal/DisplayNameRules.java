package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.DISPLAY_NAME;

import dev.dirsync.core.model.ObjectKind;
import dev.dirsync.core.rules.ErrorClass;
import java.util.List;

/**
 * displayName. Multi-tenant: Blank (missing or only whitespace; fix cn), Length 256. Dedicated:
 * Blank on groups only (missing or empty), Length 256, Character for leading or trailing whitespace (fix
 * trimmed, cn when nothing is left).
 */
final class DisplayNameRules implements AttributeRules {
    private static final int MAX = 256;

    private final boolean dedicated;

    private DisplayNameRules(boolean dedicated) {
        this.dedicated = dedicated;
    }

    static DisplayNameRules multiTenant() {
        return new DisplayNameRules(false);
    }

    static DisplayNameRules dedicated() {
        return new DisplayNameRules(true);
    }

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        String value = entry.first(DISPLAY_NAME);
        boolean blank = dedicated ? isEmpty(value) && entry.kind() == ObjectKind.GROUP : Text.isBlank(value);
        if (value == null && !blank) {
            return;
        }
        ValueCheck check = new ValueCheck(DISPLAY_NAME, 0, value);
        if (blank) {
            check.fail(ErrorClass.BLANK, entry.commonName());
        }
        if (!EncodingRule.apply(check)) {
            out.add(check);
            return;
        }
        LengthRule.truncate(check, MAX);
        if (dedicated) {
            trimmed(check, entry);
        }
        out.add(check);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static void trimmed(ValueCheck check, CheckedEntry entry) {
        String current = check.current();
        int from = 0;
        int to = current.length();
        while (from < to && Text.isWhitespace(current.charAt(from))) {
            from++;
        }
        while (to > from && Text.isWhitespace(current.charAt(to - 1))) {
            to--;
        }
        if (from == 0 && to == current.length()) {
            return;
        }
        check.fail(ErrorClass.CHARACTER, from == to ? entry.commonName() : current.substring(from, to));
    }
}

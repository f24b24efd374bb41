package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.GIVEN_NAME;
import static dev.dirsync.core.rules.internal.AttributeNames.SN;

import java.util.List;

/** givenName and sn: the encoding rule, then Length 64 (fix: the first 64). */
final class PersonNameRules implements AttributeRules {
    private static final int MAX = 64;

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        checkLength(entry, GIVEN_NAME, out);
        checkLength(entry, SN, out);
    }

    private static void checkLength(CheckedEntry entry, String attribute, List<ValueCheck> out) {
        String value = entry.first(attribute);
        if (value != null) {
            ValueCheck check = new ValueCheck(attribute, 0, value);
            if (EncodingRule.apply(check)) {
                LengthRule.truncate(check, MAX);
            }
            out.add(check);
        }
    }
}

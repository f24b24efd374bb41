package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;

/** Length: more than a maximum of code points; the fix keeps the first ones. */
final class LengthRule {
    private LengthRule() {}

    static void truncate(ValueCheck value, int max) {
        String current = value.current();
        if (current != null && Text.longerThan(current, max)) {
            value.fail(ErrorClass.LENGTH, Text.truncate(current, max));
        }
    }
}

package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;

/** Character: a non-ASCII character in an address; the fix strips diacritics and drops the rest. */
final class NonAsciiRule {
    private NonAsciiRule() {}

    static void apply(ValueCheck value, int from) {
        String current = value.current();
        if (current != null && Text.hasNonAscii(current, from)) {
            value.fail(ErrorClass.CHARACTER, current.substring(0, from) + Text.toAscii(current.substring(from)));
        }
    }
}

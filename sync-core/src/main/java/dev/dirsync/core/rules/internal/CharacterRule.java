package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;

/** Character: characters of a set that the value must not hold; the fix removes them. */
final class CharacterRule {
    private final CharSet banned;

    CharacterRule(CharSet banned) {
        this.banned = banned;
    }

    /** Checks the value from {@code from} on (the address part of a prefixed value). */
    void apply(ValueCheck value, int from) {
        applyOrElse(value, from, null);
    }

    /** As {@link #apply}, but suggests {@code fallback} when removing leaves nothing. */
    void applyOrElse(ValueCheck value, int from, String fallback) {
        String current = value.current();
        if (current == null || !Text.containsAny(current, from, banned)) {
            return;
        }
        String fixed = Text.removeAll(current, from, banned);
        value.fail(ErrorClass.CHARACTER, fixed.isEmpty() && fallback != null ? fallback : fixed);
    }
}

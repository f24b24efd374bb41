package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;

/** Character: a {@code :} after the one that ends the prefix ({@code smtp:}); the fix removes it. */
final class ExtraColonRule {
    private ExtraColonRule() {}

    static void apply(ValueCheck value) {
        String current = value.current();
        int colon = current.indexOf(':');
        if (colon >= 0 && current.indexOf(':', colon + 1) >= 0) {
            value.fail(
                    ErrorClass.CHARACTER,
                    current.substring(0, colon + 1)
                            + current.substring(colon + 1).replace(":", ""));
        }
    }

    /** Where the address starts: after the first {@code :}, or 0 for a value without prefix. */
    static int addressStart(String value) {
        return value.indexOf(':') + 1;
    }
}

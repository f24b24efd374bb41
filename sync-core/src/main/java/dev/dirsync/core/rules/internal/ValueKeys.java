package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.internal.DuplicateKeys.Namespace;

/** The duplicate index's keys of the values that are unique tenant-wide, for the public {@code UniqueKeys}. */
public final class ValueKeys {

    private ValueKeys() {}

    public static long userPrincipalName(String value) {
        return DuplicateKeys.key(Namespace.USER_PRINCIPAL_NAME, value, 0);
    }

    public static long smtp(String address) {
        return DuplicateKeys.key(Namespace.SMTP, address, 0);
    }
}

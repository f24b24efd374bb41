package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/** Parses configured filter text. */
public final class Filters {
    private Filters() {}

    /**
     * @param setting the configuration name reported on failure, e.g. {@code source.filter}
     * @throws IllegalArgumentException naming {@code setting} when the text is not an RFC 4515 filter
     */
    public static Filter parse(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be blank");
        }
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(
                    setting + " is not a valid LDAP filter: '" + text + "': " + e.getMessage(), e);
        }
    }
}

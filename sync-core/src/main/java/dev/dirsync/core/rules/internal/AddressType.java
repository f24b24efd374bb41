package dev.dirsync.core.rules.internal;

/** The kind of a prefixed address (proxyAddresses, targetAddress), from the text before its first colon. */
enum AddressType {
    SMTP,
    X400,
    X500,
    /** SIP, EUM and any other prefix, or no prefix at all. */
    OTHER;

    static AddressType of(String value) {
        int colon = value.indexOf(':');
        if (colon == 4 && value.regionMatches(true, 0, "smtp", 0, 4)) {
            return SMTP;
        }
        if (colon == 4 && value.regionMatches(true, 0, "x400", 0, 4)) {
            return X400;
        }
        if (colon == 4 && value.regionMatches(true, 0, "x500", 0, 4)) {
            return X500;
        }
        return OTHER;
    }

    /** The primary address of a mailbox carries the upper-case prefix. */
    static boolean isPrimarySmtp(String value) {
        return value.startsWith("SMTP:");
    }
}

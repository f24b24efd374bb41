package dev.dirsync.core.rules.internal;

/**
 * The RFC 5322-style shape of {@code local@domain} that the address rules accept: a local part of
 * dot-atoms, a domain of dot-separated labels (letters, digits, inner hyphens) ending in a 2-63
 * letter top-level label. Ranges are half-open.
 */
final class AddressSyntax {
    private static final CharSet ATEXT_SYMBOLS = CharSet.of("!#$%&'*+/=?^_`{|}~-");

    private AddressSyntax() {}

    static boolean isAtext(char c) {
        return Text.isAsciiLetterOrDigit(c) || ATEXT_SYMBOLS.contains(c);
    }

    /** Whether [from, to) holds exactly one {@code @}, neither first nor last; its index or -1. */
    static int singleAt(String value, int from) {
        int at = value.indexOf('@', from);
        if (at <= from || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0) {
            return -1;
        }
        return at;
    }

    static boolean isLocalPart(String value, int from, int to) {
        if (from >= to) {
            return false;
        }
        boolean afterDot = true;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (isAtext(c)) {
                afterDot = false;
            } else {
                return false;
            }
        }
        return !afterDot;
    }

    static boolean isDomain(String value, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i < to && value.charAt(i) != '.') {
                continue;
            }
            boolean valid = i == to ? isTopLevelLabel(value, labelStart, i) : isLabel(value, labelStart, i);
            if (!valid) {
                return false;
            }
            labels++;
            labelStart = i + 1;
        }
        return labels >= 2;
    }

    private static boolean isLabel(String value, int from, int to) {
        if (from >= to
                || !Text.isAsciiLetterOrDigit(value.charAt(from))
                || !Text.isAsciiLetterOrDigit(value.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (c != '-' && !Text.isAsciiLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTopLevelLabel(String value, int from, int to) {
        int length = to - from;
        if (length < 2 || length > 63) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Text.isAsciiLetter(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code local@domain} with exactly one {@code @}, from {@code from} on. */
    static boolean isAddress(String value, int from) {
        int at = singleAt(value, from);
        return at > 0 && isLocalPart(value, from, at) && isDomain(value, at + 1, value.length());
    }
}

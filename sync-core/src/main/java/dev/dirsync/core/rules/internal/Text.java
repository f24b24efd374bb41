package dev.dirsync.core.rules.internal;

import java.text.Normalizer;

/** String helpers the rules share. Lengths count code points, as the cloud does. */
final class Text {
    private Text() {}

    /** Java's whitespace plus the Unicode space separators (no-break space and the like). */
    static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isBlank(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    static boolean longerThan(String value, int max) {
        return value.length() > max && length(value) > max;
    }

    /** The first {@code max} code points (a surrogate pair is never split). */
    static String truncate(String value, int max) {
        return longerThan(value, max) ? value.substring(0, value.offsetByCodePoints(0, max)) : value;
    }

    static boolean containsAny(String value, int from, CharSet set) {
        for (int i = from; i < value.length(); i++) {
            if (set.contains(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} without the characters of {@code set} at or after {@code from}. */
    static String removeAll(String value, int from, CharSet set) {
        StringBuilder out = new StringBuilder(value.length());
        out.append(value, 0, from);
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!set.contains(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean hasNonAscii(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) >= 128) {
                return true;
            }
        }
        return false;
    }

    /** Diacritics stripped (NFD, combining marks dropped), any other non-ASCII character removed. */
    static String toAscii(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 128) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

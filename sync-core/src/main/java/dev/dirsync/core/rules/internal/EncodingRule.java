package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;

/**
 * Character, on every checked value before its attribute's character rules: a value that was not
 * valid UTF-8 in the directory (a source reads each undecodable byte sequence as U+FFFD, the
 * replacement character, so a value holding U+FFFD counts as undecodable) or that holds a control
 * character (U+0000 to U+001F, U+007F, U+0080 to U+009F). Control characters are removed, unless
 * nothing but whitespace would be left; an undecodable value has no fix, and none of its
 * attribute's other rules runs on it. Neither kind of value is ever exported as read
 * ({@link #unexportable}).
 */
final class EncodingRule {
    static final char REPLACEMENT = '\uFFFD';
    static final String NOT_UTF8 = "not valid UTF-8 in the directory (each undecodable byte sequence reads as U+FFFD)";

    private EncodingRule() {}

    /** @return false when the value is undecodable: its attribute's other rules must not run */
    static boolean apply(ValueCheck check) {
        String current = check.current();
        if (current == null) {
            return true;
        }
        if (current.indexOf(REPLACEMENT) >= 0) {
            check.fail(ErrorClass.CHARACTER);
            check.detail(NOT_UTF8);
            return false;
        }
        if (!hasControl(current)) {
            return true;
        }
        check.detail(describeControls(current));
        String removed = removeControls(current);
        if (Text.isBlank(removed)) {
            check.fail(ErrorClass.CHARACTER);
        } else {
            check.fail(ErrorClass.CHARACTER, removed);
        }
        return true;
    }

    /** Whether {@code value} must not reach the cloud as it is: undecodable or with control characters. */
    static boolean unexportable(String value) {
        return value != null && (value.indexOf(REPLACEMENT) >= 0 || hasControl(value));
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String removeControls(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** "control characters U+0000, U+001B": they are invisible in the report's VALUE column. */
    private static String describeControls(String value) {
        StringBuilder out = new StringBuilder("control characters");
        String separator = " ";
        boolean[] listed = new boolean[0xA0];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !listed[c]) {
                listed[c] = true;
                out.append(separator).append(String.format("U+%04X", (int) c));
                separator = ", ";
            }
        }
        return out.toString();
    }
}

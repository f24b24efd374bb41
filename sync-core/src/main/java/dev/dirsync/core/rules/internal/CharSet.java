package dev.dirsync.core.rules.internal;

/** A set of characters: listed ASCII characters, optionally with every whitespace character. */
final class CharSet {
    private final boolean[] ascii = new boolean[128];
    private final boolean whitespace;

    private CharSet(String chars, boolean whitespace) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c >= 128) {
                throw new IllegalArgumentException("only ASCII characters can be listed: " + c);
            }
            ascii[c] = true;
        }
        this.whitespace = whitespace;
    }

    static CharSet of(String chars) {
        return new CharSet(chars, false);
    }

    static CharSet whitespaceAnd(String chars) {
        return new CharSet(chars, true);
    }

    boolean contains(char c) {
        if (c < 128 && ascii[c]) {
            return true;
        }
        return whitespace && Text.isWhitespace(c);
    }
}

package dev.dirsync.cloud.graph.internal;

import java.security.SecureRandom;

/**
 * Initial passwords for created users: 20 characters with at least one upper-case letter,
 * lower-case letter, digit and symbol, which satisfies Entra's complexity rule. Nobody is meant to
 * know it: the user is forced to change it (or signs in through federation).
 */
public final class PasswordGenerator {
    public static final int LENGTH = 20;

    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String SYMBOLS = "!@#$%^&*-_=+?.";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    public PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        char[] chars = new char[LENGTH];
        chars[0] = pick(UPPER);
        chars[1] = pick(LOWER);
        chars[2] = pick(DIGITS);
        chars[3] = pick(SYMBOLS);
        for (int i = 4; i < LENGTH; i++) {
            chars[i] = pick(ALL);
        }
        for (int i = LENGTH - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
        return new String(chars);
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }
}

package dev.dirsync.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code $skiptoken} of a next link. It names the position (the store's creation
 * sequence number) after which the next page starts, so pages stay consistent while users are
 * created or deleted between them.
 */
public final class SkipToken {
    private static final String PREFIX = "after:";

    private SkipToken() {}

    public static String encode(long afterSequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + afterSequence).getBytes(StandardCharsets.US_ASCII));
    }

    /** The sequence number a token names; 0 (before the first user) for {@code null}. */
    public static long decode(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) { // also NumberFormatException
            // falls through to the error below
        }
        throw GraphError.badRequest("The specified $skiptoken is invalid.");
    }
}

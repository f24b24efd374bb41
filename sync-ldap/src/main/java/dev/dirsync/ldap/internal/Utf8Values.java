package dev.dirsync.ldap.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Attribute values as text. LDAP strings are UTF-8; a value that is not is decoded strictly first,
 * and only then with each undecodable byte sequence read as U+FFFD, the replacement character:
 * the readiness rules report every value holding U+FFFD as not valid UTF-8 and never export it.
 */
final class Utf8Values {
    private Utf8Values() {}

    static String decode(byte[] value) {
        if (isAscii(value)) {
            return new String(value, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // replaces each malformed sequence with UTF-8's replacement, U+FFFD
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private static boolean isAscii(byte[] value) {
        for (byte b : value) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}

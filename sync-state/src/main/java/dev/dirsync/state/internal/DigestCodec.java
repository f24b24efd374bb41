package dev.dirsync.state.internal;

import dev.dirsync.core.model.MailUserField;
import java.nio.ByteBuffer;

/**
 * The per-property digests of a managed object as one compact binary value: 8 bytes big-endian per
 * {@link MailUserField}, in the enum's order. A value written before a property was added decodes
 * with 0 for the new property (no real digest), so the next run sends that property.
 */
public final class DigestCodec {
    private static final int FIELDS = MailUserField.values().length;

    private DigestCodec() {}

    public static byte[] encode(long[] digests) {
        ByteBuffer buffer = ByteBuffer.allocate(digests.length * Long.BYTES);
        for (long digest : digests) {
            buffer.putLong(digest);
        }
        return buffer.array();
    }

    public static long[] decode(byte[] stored) {
        if (stored.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("digests must be a multiple of 8 bytes, got " + stored.length);
        }
        long[] digests = new long[FIELDS];
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        for (int i = 0; i < FIELDS && buffer.remaining() >= Long.BYTES; i++) {
            digests[i] = buffer.getLong();
        }
        return digests;
    }
}

package dev.dirsync.core.model;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * The stable key that ties a directory object to its cloud copy: Entra's ImmutableId, the Base64 of
 * the anchor attribute's raw bytes exactly as the directory returns them (objectGUID or
 * mS-DS-ConsistencyGuid on AD). Never round-trip AD GUID bytes through {@link UUID}: AD stores the
 * first three fields little-endian.
 */
public record Anchor(String value) {
    public Anchor {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("anchor must not be blank");
        }
    }

    public static Anchor ofBytes(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new IllegalArgumentException("anchor bytes must not be empty");
        }
        return new Anchor(Base64.getEncoder().encodeToString(raw));
    }

    /** For servers whose anchor is an RFC 4122 UUID (entryUUID): its 16 bytes in network order. */
    public static Anchor ofUuid(UUID uuid) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return ofBytes(buffer.array());
    }

    public byte[] bytes() {
        return Base64.getDecoder().decode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

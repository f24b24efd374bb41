package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Entry;
import dev.dirsync.core.model.Anchor;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds an entry's anchor: mS-DS-ConsistencyGuid if set, else objectGUID (both Base64 of the raw
 * bytes exactly as returned), else entryUUID (non-AD servers). The AD GUID bytes are never passed
 * through {@link UUID}: AD stores the first three GUID fields little-endian, and Entra's ImmutableId
 * is the Base64 of the bytes as stored.
 */
public final class AnchorReader {
    public static final String CONSISTENCY_GUID = "mS-DS-ConsistencyGuid";
    public static final String OBJECT_GUID = "objectGUID";
    public static final String ENTRY_UUID = "entryUUID";

    private AnchorReader() {}

    /** Empty when the entry carries none of the anchor attributes (or only a malformed entryUUID). */
    public static Optional<Anchor> anchorOf(Entry entry) {
        Optional<Anchor> binary = binary(entry, CONSISTENCY_GUID);
        if (binary.isPresent()) {
            return binary;
        }
        binary = binary(entry, OBJECT_GUID);
        if (binary.isPresent()) {
            return binary;
        }
        return entryUuid(entry);
    }

    private static Optional<Anchor> binary(Entry entry, String attribute) {
        byte[] raw = entry.getAttributeValueBytes(attribute);
        return raw == null || raw.length == 0 ? Optional.empty() : Optional.of(Anchor.ofBytes(raw));
    }

    private static Optional<Anchor> entryUuid(Entry entry) {
        String text = entry.getAttributeValue(ENTRY_UUID);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Anchor.ofUuid(UUID.fromString(text.trim())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}

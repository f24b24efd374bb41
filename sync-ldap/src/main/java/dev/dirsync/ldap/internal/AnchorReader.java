package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Entry;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.SourceEntry.AnchorProblem;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finds an entry's anchor: mS-DS-ConsistencyGuid if set, else objectGUID (both Base64 of the raw
 * bytes exactly as returned), else entryUUID (non-AD servers). The AD GUID bytes are never passed
 * through {@link UUID}: AD stores the first three GUID fields little-endian, and Entra's ImmutableId
 * is the Base64 of the bytes as stored.
 *
 * <p>The first of these attributes that holds a value decides. A malformed one (a GUID that is not
 * 16 bytes, an entryUUID that is not RFC 4122 text) is a problem, never an anchor, and the next
 * attribute does not stand in: the cloud copy may be anchored by the malformed attribute's
 * rightful value, and another anchor would make a second cloud user. An empty GUID counts as
 * unset.
 */
public final class AnchorReader {
    public static final String CONSISTENCY_GUID = "mS-DS-ConsistencyGuid";
    public static final String OBJECT_GUID = "objectGUID";
    public static final String ENTRY_UUID = "entryUUID";
    /** The ATTRIBUTE a missing anchor is reported on. */
    public static final String MISSING = "anchor";

    static final int GUID_BYTES = 16;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final AnchorProblem NONE_FOUND =
            new AnchorProblem(MISSING, null, "no " + CONSISTENCY_GUID + ", " + OBJECT_GUID + " or " + ENTRY_UUID);

    /** An entry's anchor, or why it has none: exactly one of the two is set. */
    public record Result(Anchor anchor, AnchorProblem problem) {
        static Result of(Anchor anchor) {
            return new Result(anchor, null);
        }

        static Result of(AnchorProblem problem) {
            return new Result(null, problem);
        }
    }

    private AnchorReader() {}

    /** Empty when the entry has no usable anchor ({@link #read} says why). */
    public static Optional<Anchor> anchorOf(Entry entry) {
        return Optional.ofNullable(read(entry).anchor());
    }

    public static Result read(Entry entry) {
        for (String attribute : new String[] {CONSISTENCY_GUID, OBJECT_GUID}) {
            byte[] raw = entry.getAttributeValueBytes(attribute);
            if (raw != null && raw.length > 0) {
                return guid(attribute, raw);
            }
        }
        String text = entry.getAttributeValue(ENTRY_UUID);
        return text == null ? Result.of(NONE_FOUND) : entryUuid(text);
    }

    private static Result guid(String attribute, byte[] raw) {
        if (raw.length == GUID_BYTES) {
            return Result.of(Anchor.ofBytes(raw));
        }
        return Result.of(new AnchorProblem(
                attribute,
                Base64.getEncoder().encodeToString(raw),
                raw.length + (raw.length == 1 ? " byte" : " bytes") + "; a GUID has " + GUID_BYTES));
    }

    private static Result entryUuid(String text) {
        if (UUID_TEXT.matcher(text).matches()) {
            return Result.of(Anchor.ofUuid(UUID.fromString(text)));
        }
        return Result.of(new AnchorProblem(ENTRY_UUID, text, "not an RFC 4122 UUID"));
    }
}

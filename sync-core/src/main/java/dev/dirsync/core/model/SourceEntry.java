package dev.dirsync.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One object as the directory returned it. {@code deleted} marks a tombstone (or an object that
 * left the scope) in a delta read; its attributes may be incomplete.
 *
 * <p>An object without a usable anchor is still handed on, so that it is counted and reported:
 * then {@link #anchor()} is null and {@link #anchorProblem()} says why. Such an object must never
 * be exported, matched or removed.
 */
public record SourceEntry(
        String dn,
        Anchor anchor,
        List<String> objectClasses,
        Attributes attributes,
        boolean deleted,
        AnchorProblem anchorProblem) {
    /**
     * Attribute in which a source carries the objectGUID-based anchor when {@link #anchor()} is
     * another one (mS-DS-ConsistencyGuid), because tombstones may lose the latter.
     */
    public static final String OBJECT_GUID_ANCHOR = "objectGUID;anchor";

    /**
     * Why an object has no anchor.
     *
     * @param attribute the anchor attribute whose value is malformed, or the attribute a source
     *     names for a missing anchor
     * @param value the malformed value as text (Base64 for bytes), null when the anchor is missing
     * @param reason what is wrong, for the report's DETAIL column
     */
    public record AnchorProblem(String attribute, String value, String reason) {
        public AnchorProblem {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public SourceEntry {
        Objects.requireNonNull(dn, "dn");
        if ((anchor == null) == (anchorProblem == null)) {
            throw new IllegalArgumentException("an entry has either an anchor or an anchor problem: " + dn);
        }
        objectClasses = List.copyOf(objectClasses);
        Objects.requireNonNull(attributes, "attributes");
    }

    /** An anchored entry. */
    public SourceEntry(String dn, Anchor anchor, List<String> objectClasses, Attributes attributes, boolean deleted) {
        this(dn, Objects.requireNonNull(anchor, "anchor"), objectClasses, attributes, deleted, null);
    }

    public static SourceEntry live(String dn, Anchor anchor, List<String> objectClasses, Attributes attributes) {
        return new SourceEntry(dn, anchor, objectClasses, attributes, false);
    }

    /** An entry the source found no usable anchor on. */
    public static SourceEntry unanchored(
            String dn, AnchorProblem problem, List<String> objectClasses, Attributes attributes, boolean deleted) {
        return new SourceEntry(
                dn, null, objectClasses, attributes, deleted, Objects.requireNonNull(problem, "problem"));
    }

    /** False when the entry has no usable anchor ({@link #anchorProblem()} says why). */
    public boolean anchored() {
        return anchor != null;
    }

    public ObjectKind kind() {
        return ObjectKind.of(objectClasses);
    }

    /** The first cn value, or the first RDN value when cn is absent. */
    public String commonName() {
        String cn = attributes.firstOrNull("cn");
        if (cn != null) {
            return cn;
        }
        int eq = dn.indexOf('=');
        int comma = dn.indexOf(',');
        return eq < 0 ? dn : dn.substring(eq + 1, comma < 0 ? dn.length() : comma);
    }
}

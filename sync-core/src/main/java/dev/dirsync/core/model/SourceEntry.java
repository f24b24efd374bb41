package dev.dirsync.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One object as the directory returned it. {@code deleted} marks a tombstone (or an object that
 * left the scope) in a delta read; its attributes may be incomplete.
 */
public record SourceEntry(
        String dn, Anchor anchor, List<String> objectClasses, Attributes attributes, boolean deleted) {
    /**
     * Attribute in which a source carries the objectGUID-based anchor when {@link #anchor()} is
     * another one (mS-DS-ConsistencyGuid), because tombstones may lose the latter.
     */
    public static final String OBJECT_GUID_ANCHOR = "objectGUID;anchor";

    public SourceEntry {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(anchor, "anchor");
        objectClasses = List.copyOf(objectClasses);
        Objects.requireNonNull(attributes, "attributes");
    }

    public static SourceEntry live(String dn, Anchor anchor, List<String> objectClasses, Attributes attributes) {
        return new SourceEntry(dn, anchor, objectClasses, attributes, false);
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

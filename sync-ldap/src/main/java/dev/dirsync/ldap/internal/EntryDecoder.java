package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one LDAP entry into a {@link SourceEntry}: anchor (or why there is none), object classes
 * and string attributes, decoded by {@link Utf8Values}. An entry with a well-formed objectGUID
 * also carries it, in anchor form, as the text attribute {@value #OBJECT_GUID_ANCHOR}: a tombstone
 * may have lost the mS-DS-ConsistencyGuid that anchored the live object, and the objectGUID lets
 * the engine still match it.
 */
public final class EntryDecoder {

    /**
     * The objectGUID as an anchor value (Base64 of the bytes as stored), on every entry that has
     * one, whatever attribute its anchor came from.
     */
    public static final String OBJECT_GUID_ANCHOR = SourceEntry.OBJECT_GUID_ANCHOR;

    /** The attributes every read requests. */
    public static final List<String> REQUESTED_ATTRIBUTES = List.of(
            "objectClass",
            "cn",
            "displayName",
            "givenName",
            "sn",
            "mail",
            "mailNickname",
            "proxyAddresses",
            "sAMAccountName",
            "targetAddress",
            "userPrincipalName",
            "userAccountControl",
            "c",
            "isCriticalSystemObject",
            "groupType",
            "objectCategory",
            AnchorReader.OBJECT_GUID,
            AnchorReader.CONSISTENCY_GUID,
            AnchorReader.ENTRY_UUID);

    /** Binary attributes: decoded for the anchor only, never kept as text. */
    private static final Set<String> BINARY = Set.of(
            AnchorReader.OBJECT_GUID.toLowerCase(Locale.ROOT), AnchorReader.CONSISTENCY_GUID.toLowerCase(Locale.ROOT));

    private EntryDecoder() {}

    /** A live entry. */
    public static SourceEntry decode(Entry entry) {
        return decode(entry, false);
    }

    /**
     * @param deleted whether the entry is reported as gone (a tombstone, or an object that left the scope)
     * @return the entry, anchored or with the reason it has no anchor ({@link SourceEntry#anchored()})
     */
    public static SourceEntry decode(Entry entry, boolean deleted) {
        AnchorReader.Result anchor = AnchorReader.read(entry);
        String[] objectClasses = entry.getObjectClassValues();
        List<String> classes = objectClasses == null ? List.of() : Arrays.asList(objectClasses);
        return new SourceEntry(
                entry.getDN(), anchor.anchor(), classes, textAttributes(entry), deleted, anchor.problem());
    }

    private static Attributes textAttributes(Entry entry) {
        Attributes.Builder builder = Attributes.builder();
        for (Attribute attribute : entry.getAttributes()) {
            if (isBinary(attribute)) {
                continue;
            }
            for (byte[] value : attribute.getValueByteArrays()) {
                builder.add(attribute.getName(), Utf8Values.decode(value));
            }
        }
        byte[] objectGuid = entry.getAttributeValueBytes(AnchorReader.OBJECT_GUID);
        if (objectGuid != null && objectGuid.length == AnchorReader.GUID_BYTES) {
            builder.add(OBJECT_GUID_ANCHOR, Anchor.ofBytes(objectGuid).value());
        }
        return builder.build();
    }

    private static boolean isBinary(Attribute attribute) {
        return attribute.hasOption("binary")
                || BINARY.contains(attribute.getBaseName().toLowerCase(Locale.ROOT));
    }
}

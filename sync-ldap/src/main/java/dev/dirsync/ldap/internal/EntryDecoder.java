package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns one LDAP entry into a {@link SourceEntry}: anchor, object classes and string attributes. */
public final class EntryDecoder {

    /** The attributes every read requests. */
    public static final List<String> REQUESTED_ATTRIBUTES = List.of(
            "objectClass", "cn", "displayName", "givenName", "sn", "mail", "mailNickname", "proxyAddresses",
            "sAMAccountName", "targetAddress", "userPrincipalName", "userAccountControl", "c",
            "isCriticalSystemObject", "groupType", "objectCategory",
            AnchorReader.OBJECT_GUID, AnchorReader.CONSISTENCY_GUID, AnchorReader.ENTRY_UUID);

    /** Binary attributes: decoded for the anchor only, never kept as text. */
    private static final Set<String> BINARY = Set.of(
            AnchorReader.OBJECT_GUID.toLowerCase(Locale.ROOT), AnchorReader.CONSISTENCY_GUID.toLowerCase(Locale.ROOT));

    private EntryDecoder() {
    }

    /** Empty when the entry has no anchor. */
    public static Optional<SourceEntry> decode(Entry entry) {
        Optional<Anchor> anchor = AnchorReader.anchorOf(entry);
        if (anchor.isEmpty()) {
            return Optional.empty();
        }
        String[] objectClasses = entry.getObjectClassValues();
        List<String> classes = objectClasses == null ? List.of() : Arrays.asList(objectClasses);
        return Optional.of(SourceEntry.live(entry.getDN(), anchor.get(), classes, textAttributes(entry)));
    }

    private static Attributes textAttributes(Entry entry) {
        Attributes.Builder builder = Attributes.builder();
        for (Attribute attribute : entry.getAttributes()) {
            if (isBinary(attribute)) {
                continue;
            }
            builder.putAll(attribute.getName(), Arrays.asList(attribute.getValues()));
        }
        return builder.build();
    }

    private static boolean isBinary(Attribute attribute) {
        return attribute.hasOption("binary") || BINARY.contains(attribute.getBaseName().toLowerCase(Locale.ROOT));
    }
}

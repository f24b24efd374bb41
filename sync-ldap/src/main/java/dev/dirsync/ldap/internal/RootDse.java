package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a read needs from the server's root DSE. A server whose root DSE has highestCommittedUSN is
 * taken for Active Directory (Windows or Samba).
 */
public record RootDse(
        OptionalLong highestCommittedUsn,
        Optional<String> dsServiceName,
        List<String> namingContexts,
        Optional<String> currentTime,
        Optional<String> monitorContext) {

    private static final String[] ATTRIBUTES = {
        "highestCommittedUSN", "dsServiceName", "namingContexts", "currentTime", "monitorContext"
    };

    public RootDse {
        namingContexts = List.copyOf(namingContexts);
    }

    /**
     * @throws LDAPException when the root DSE cannot be read, or its highestCommittedUSN is not a number
     */
    public static RootDse read(LDAPConnection connection) throws LDAPException {
        SearchResultEntry entry = connection.getEntry("", ATTRIBUTES);
        if (entry == null) {
            throw new LDAPException(ResultCode.NO_SUCH_OBJECT, "the root DSE cannot be read");
        }
        String usn = entry.getAttributeValue("highestCommittedUSN");
        OptionalLong highest;
        try {
            highest = usn == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(usn.trim()));
        } catch (NumberFormatException e) {
            throw new LDAPException(ResultCode.DECODING_ERROR, "highestCommittedUSN '" + usn + "' is not a number", e);
        }
        String[] contexts = entry.getAttributeValues("namingContexts");
        return new RootDse(
                highest,
                Optional.ofNullable(entry.getAttributeValue("dsServiceName")),
                contexts == null ? List.of() : List.of(contexts),
                Optional.ofNullable(entry.getAttributeValue("currentTime")),
                Optional.ofNullable(entry.getAttributeValue("monitorContext")));
    }

    public boolean activeDirectory() {
        return highestCommittedUsn.isPresent();
    }

    /**
     * The naming context (partition) holding {@code dn}: the longest one it lies in; {@code dn}
     * itself when the server lists none that holds it.
     */
    public String namingContextOf(String dn) {
        String best = null;
        int bestDepth = -1;
        try {
            DN target = new DN(dn);
            for (String context : namingContexts) {
                DN parsed = new DN(context);
                if (target.isDescendantOf(parsed, true) && parsed.getRDNs().length > bestDepth) {
                    best = context;
                    bestDepth = parsed.getRDNs().length;
                }
            }
        } catch (LDAPException e) {
            return dn;
        }
        return best == null ? dn : best;
    }
}

package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one Active Directory domain controller stands: its identity (the host the source reached it
 * by, its NTDS Settings DN, its database's invocationId) and its highestCommittedUSN.
 *
 * @param invocationId the invocationId GUID's bytes as stored, as 32 lower-case hex digits
 */
public record DcState(String host, String dsServiceName, String invocationId, long highestCommittedUsn) {
    public DcState {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dsServiceName, "dsServiceName");
        Objects.requireNonNull(invocationId, "invocationId");
    }

    /**
     * Reads the DC's invocationId from its NTDS Settings object; the root DSE was read first, so the
     * USN is no later than the identity.
     *
     * @param host the host of the URL the DC was reached by
     *
     * @throws LDAPException when the NTDS Settings object cannot be read or has no invocationId
     */
    public static DcState read(LDAPConnection connection, RootDse rootDse, String host) throws LDAPException {
        String dsServiceName = rootDse.dsServiceName()
                .orElseThrow(() -> new LDAPException(
                        ResultCode.NO_SUCH_ATTRIBUTE, "the root DSE has highestCommittedUSN but no dsServiceName"));
        SearchResultEntry settings = connection.getEntry(dsServiceName, "invocationId");
        byte[] invocationId = settings == null ? null : settings.getAttributeValueBytes("invocationId");
        if (invocationId == null || invocationId.length == 0) {
            throw new LDAPException(
                    ResultCode.NO_SUCH_ATTRIBUTE, "no invocationId readable on '" + dsServiceName + "'");
        }
        return new DcState(
                host,
                dsServiceName,
                HexFormat.of().formatHex(invocationId),
                rootDse.highestCommittedUsn().orElseThrow());
    }

    /** Whether both name the same DC (NTDS Settings DN compared as DNs, host case-insensitively). */
    public boolean sameDc(DcState other) {
        return host.toLowerCase(Locale.ROOT).equals(other.host.toLowerCase(Locale.ROOT))
                && sameDn(dsServiceName, other.dsServiceName);
    }

    private static boolean sameDn(String a, String b) {
        try {
            return new DN(a).equals(new DN(b));
        } catch (LDAPException e) {
            return a.equalsIgnoreCase(b);
        }
    }
}

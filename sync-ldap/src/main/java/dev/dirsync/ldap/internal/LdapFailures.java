package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;

/**
 * Maps LDAP failures to domain exceptions at the adapter edge. Messages name the URL, bind DN and
 * base DN they concern and carry the server's diagnostic; they never carry the password (which no
 * LDAP result or SDK message contains).
 */
public final class LdapFailures {
    private LdapFailures() {}

    /** A failure while connecting or binding (opening or checking out a connection). */
    public static DirsyncException connectFailed(LDAPException e, String url, String bindDn) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS || code == ResultCode.INAPPROPRIATE_AUTHENTICATION) {
            return new CredentialsRejectedException(
                    "directory " + url + " rejected the bind as '" + bindDn + "': " + describe(e), e);
        }
        if (connectionLost(code)) {
            return new UnavailableException("directory " + url + " cannot be reached: " + describe(e), e);
        }
        return new UnavailableException(
                "directory " + url + " refused the connection as '" + bindDn + "': " + describe(e), e);
    }

    /** A failure of the search under {@code baseDn}. */
    public static UnavailableException searchFailed(LDAPException e, String url, String baseDn) {
        if (connectionLost(e.getResultCode())) {
            return new UnavailableException(
                    "directory " + url + " stopped answering while reading '" + baseDn + "': " + describe(e), e);
        }
        return new UnavailableException("search under '" + baseDn + "' at " + url + " failed: " + describe(e), e);
    }

    /** A failure while reading what a read needs first: the root DSE, the DC's identity, the scoping group. */
    public static UnavailableException readFailed(LDAPException e, String url, String what) {
        if (connectionLost(e.getResultCode())) {
            return new UnavailableException(
                    "directory " + url + " stopped answering while reading " + what + ": " + describe(e), e);
        }
        return new UnavailableException("reading " + what + " at " + url + " failed: " + describe(e), e);
    }

    static boolean connectionLost(ResultCode code) {
        return !code.isConnectionUsable()
                || code == ResultCode.CONNECT_ERROR
                || code == ResultCode.SERVER_DOWN
                || code == ResultCode.TIMEOUT;
    }

    private static String describe(LDAPException e) {
        String detail = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
        return e.getResultCode() + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")");
    }
}

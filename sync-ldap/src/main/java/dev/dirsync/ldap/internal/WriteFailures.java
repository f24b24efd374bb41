package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.fix.CurrentValues;
import dev.dirsync.core.fix.WriteResult;

/**
 * Maps the failures of a writer's reads and modifies to outcomes: what says the directory no longer
 * holds what the change expected is a skip, other refusals are failures, both naming the DN; a lost
 * connection ends the run.
 */
public final class WriteFailures {
    private WriteFailures() {}

    /** Whether the connection that returned {@code e} can be used again. */
    public static boolean connectionUsable(LDAPException e) {
        return !LdapFailures.connectionLost(e.getResultCode());
    }

    /**
     * @throws UnavailableException when the connection was lost
     */
    public static CurrentValues readFailed(LDAPException e, String url, String dn) {
        ResultCode code = e.getResultCode();
        if (LdapFailures.connectionLost(code)) {
            throw new UnavailableException(
                    "directory " + url + " stopped answering while reading '" + dn + "': " + describe(e), e);
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return new CurrentValues.NoObject();
        }
        return new CurrentValues.Refused("reading '" + dn + "' failed: " + describe(e));
    }

    /**
     * @throws UnavailableException when the connection was lost: whether the change was made is unknown
     */
    public static WriteResult modifyFailed(LDAPException e, String url, String dn) {
        ResultCode code = e.getResultCode();
        if (LdapFailures.connectionLost(code)) {
            throw new UnavailableException(
                    "directory " + url + " stopped answering while changing '" + dn
                            + "' (whether the change was made is unknown): " + describe(e),
                    e);
        }
        if (code == ResultCode.ASSERTION_FAILED) {
            return WriteResult.skipped("the directory refused the change: the value changed after it was read");
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return WriteResult.skipped("the object no longer exists");
        }
        if (code == ResultCode.NO_SUCH_ATTRIBUTE) {
            return WriteResult.skipped("a value to remove is no longer there: " + describe(e));
        }
        if (code == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
            return WriteResult.skipped("a value to add is already there: " + describe(e));
        }
        return WriteResult.failed("the directory refused to change '" + dn + "': " + describe(e));
    }

    private static String describe(LDAPException e) {
        String detail = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
        return e.getResultCode() + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")");
    }
}

package dev.dirsync.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Result codes mapped at the edge.
 *
 * <table>
 *   <tr><th>when</th><th>result code</th><th>exception</th></tr>
 *   <tr><td>connect/bind</td><td>invalid credentials, inappropriate authentication</td><td>CredentialsRejected</td></tr>
 *   <tr><td>connect/bind</td><td>connect error, server down, timeout</td><td>Unavailable "cannot be reached"</td></tr>
 *   <tr><td>search</td><td>server down, timeout</td><td>Unavailable "stopped answering"</td></tr>
 *   <tr><td>search</td><td>anything else</td><td>Unavailable naming the base DN and the diagnostic</td></tr>
 * </table>
 */
class LdapFailuresTest {
    private static final String URL = "ldaps://dc1.example.com:636";
    private static final String BIND_DN = "CN=dirsync,DC=example,DC=com";
    private static final String BASE = "OU=People,DC=example,DC=com";

    @Test
    void connectFailed_invalidCredentials_isCredentialsRejectedWithTheServersDiagnostic() {
        LDAPException e = new LDAPException(
                ResultCode.INVALID_CREDENTIALS,
                "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e");

        DirsyncException mapped = LdapFailures.connectFailed(e, URL, BIND_DN);

        assertThat(mapped).isInstanceOf(CredentialsRejectedException.class).hasCause(e);
        assertThat(mapped.getMessage()).contains(URL, BIND_DN, "data 52e");
    }

    @Test
    void connectFailed_inappropriateAuthentication_isCredentialsRejected() {
        DirsyncException mapped = LdapFailures.connectFailed(
                new LDAPException(ResultCode.INAPPROPRIATE_AUTHENTICATION, "no anonymous binds"), URL, BIND_DN);

        assertThat(mapped).isInstanceOf(CredentialsRejectedException.class);
    }

    @Test
    void connectFailed_connectionFailures_areUnavailableNamingTheUrl() {
        for (ResultCode code :
                new ResultCode[] {ResultCode.CONNECT_ERROR, ResultCode.SERVER_DOWN, ResultCode.TIMEOUT}) {
            DirsyncException mapped = LdapFailures.connectFailed(new LDAPException(code, "refused"), URL, BIND_DN);

            assertThat(mapped).isInstanceOf(UnavailableException.class);
            assertThat(mapped.getMessage()).contains(URL, "cannot be reached", "refused");
        }
    }

    @Test
    void searchFailed_lostConnection_isUnavailableSayingItStoppedAnswering() {
        UnavailableException mapped =
                LdapFailures.searchFailed(new LDAPException(ResultCode.SERVER_DOWN, "connection closed"), URL, BASE);

        assertThat(mapped.getMessage()).contains(URL, BASE, "stopped answering");
    }

    @Test
    void searchFailed_otherResult_namesTheBaseDnAndTheDiagnostic() {
        LDAPException e = new LDAPException(new LDAPResult(
                2,
                ResultCode.NO_SUCH_OBJECT,
                "0000208D: NameErr: DSID-03100241",
                "DC=example,DC=com",
                List.of(),
                List.of()));

        UnavailableException mapped = LdapFailures.searchFailed(e, URL, BASE);

        assertThat(mapped.getMessage()).contains(BASE, URL, "no such object", "0000208D: NameErr");
    }
}

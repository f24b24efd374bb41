package dev.dirsync.daemon.ad;

import static org.junit.jupiter.api.Assertions.fail;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The Active Directory DC the integration tests run against: {@code DIRSYNC_TEST_AD_URL},
 * {@code DIRSYNC_TEST_AD_BIND} and {@code DIRSYNC_TEST_AD_PASSWORD}, with defaults matching
 * {@code .ci/setup-samba-ad}. A DC that does not answer fails the test class when {@code CI=true},
 * and skips it otherwise.
 */
record TestAd(String url, String bindDn, String password) {
    static final String DOMAIN = "DC=corp,DC=example,DC=com";

    static TestAd fromEnv() {
        return new TestAd(
                env("DIRSYNC_TEST_AD_URL", "ldap://127.0.0.1:389"),
                env("DIRSYNC_TEST_AD_BIND", "Administrator@corp.example.com"),
                env("DIRSYNC_TEST_AD_PASSWORD", "Dirsync-Test-Passw0rd"));
    }

    /** Fails (CI) or skips (elsewhere) unless the DC accepts a TCP connection. */
    void requireReachable() {
        if (answers()) {
            return;
        }
        String message = "Samba AD not reachable at " + url + "; run .ci/setup-samba-ad";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    String host() {
        return parsed().getHost();
    }

    int port() {
        return parsed().getPort();
    }

    /** Whether the DC accepts a TCP connection within 2 seconds. */
    boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private LDAPURL parsed() {
        try {
            return new LDAPURL(url);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("DIRSYNC_TEST_AD_URL is not an LDAP URL: " + url, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "TestAd[" + url + " as " + bindDn + "]";
    }
}

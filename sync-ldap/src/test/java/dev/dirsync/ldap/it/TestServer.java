package dev.dirsync.ldap.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * Connection facts of a directory server the integration tests run against, from the environment
 * with defaults matching the setup scripts in {@code .ci/}. A server that does not answer fails the
 * test class when {@code CI=true}, and skips it otherwise.
 */
record TestServer(String name, String url, String bindDn, String password, String setupScript) {

    static TestServer fromEnv(String name, String prefix, String url, String bindDn, String password, String script) {
        return new TestServer(
                name,
                env(prefix + "_URL", url),
                env(prefix + "_BIND", bindDn),
                env(prefix + "_PASSWORD", password),
                script);
    }

    /** Fails (CI) or skips (elsewhere) unless the server accepts a TCP connection. */
    void requireReachable() {
        String message = name + " not reachable at " + url + "; run " + setupScript;
        if (answers()) {
            return;
        }
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

    private boolean answers() {
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
            throw new IllegalArgumentException("not an LDAP URL: " + url, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "TestServer[" + name + " " + url + " as " + bindDn + "]";
    }
}

package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.dirsync.core.DirsyncException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * One bound connection to the directory, opened on first use and kept between reads. It sits in a
 * pool of one so that a connection the server or a firewall dropped while idle (AD closes idle
 * connections after 15 minutes by default) is noticed at checkout, by reading the root DSE, and
 * replaced before a read starts.
 */
public final class ConnectionProvider implements AutoCloseable {
    private final SourceAddress.Network address;
    private final String bindDn;
    private final String password;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    private LDAPConnectionPool pool;
    private boolean closed;

    public ConnectionProvider(SourceAddress.Network address, String bindDn, String password, Duration connectTimeout,
                              Duration responseTimeout) {
        this.address = address;
        this.bindDn = bindDn;
        this.password = password;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /**
     * A bound connection for one read; give it back with {@link #release}.
     *
     * @throws dev.dirsync.core.CredentialsRejectedException when the bind is refused
     * @throws dev.dirsync.core.UnavailableException when the server cannot be reached
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized LDAPConnection checkout() {
        if (closed) {
            throw new IllegalStateException("the source " + address.url() + " is closed");
        }
        try {
            if (pool == null) {
                pool = createPool();
            }
            return pool.getConnection();
        } catch (LDAPException e) {
            throw LdapFailures.connectFailed(e, address.url(), bindDn);
        }
    }

    /**
     * @param reusable false when the read did not complete: the connection may still carry the rest
     *     of an abandoned search, so it is closed instead of kept
     */
    public synchronized void release(LDAPConnection connection, boolean reusable) {
        if (pool == null) {
            connection.close();
        } else if (reusable) {
            pool.releaseConnection(connection);
        } else {
            pool.releaseDefunctConnection(connection);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    private LDAPConnectionPool createPool() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(millis(connectTimeout));
        options.setResponseTimeoutMillis(millis(responseTimeout));
        options.setAbandonOnTimeout(true);
        options.setFollowReferrals(false);
        SingleServerSet server;
        if (address.secure()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            server = new SingleServerSet(address.host(), address.port(), tlsSocketFactory(), options);
        } else {
            server = new SingleServerSet(address.host(), address.port(), options);
        }
        LDAPConnectionPool created = new LDAPConnectionPool(server, new SimpleBindRequest(bindDn, password), 1, 1);
        created.setConnectionPoolName("dirsync-source");
        created.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck(
                null, millis(connectTimeout), false, true, false, false, false));
        return created;
    }

    private SocketFactory tlsSocketFactory() {
        try {
            return new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new DirsyncException("cannot set up TLS for " + address.url() + ": " + e.getMessage(), e);
        }
    }

    private static int millis(Duration duration) {
        boolean fits = duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0;
        return fits ? (int) duration.toMillis() : Integer.MAX_VALUE;
    }
}

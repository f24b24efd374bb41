package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import dev.dirsync.core.Secret;
import dev.dirsync.ldap.LdapTlsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The source's connection pool: bound connections to one of the configured servers (domain
 * controllers), opened on first use and kept between reads. A connection the server or a firewall
 * dropped while idle (AD closes idle connections after 15 minutes by default) is noticed at
 * checkout, by reading the root DSE, and replaced before a read starts. Servers are tried in order
 * from the preferred one; after a server failed a read ({@link #avoid}) the next one is preferred.
 */
public final class ConnectionProvider implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 2;

    private final List<SourceAddress.Network> servers;
    private final String bindDn;
    private final Secret password;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final TlsSetup tls;

    private LDAPConnectionPool pool;
    private int preferred;
    private boolean closed;

    /** One server, TLS as its URL says, trusting the JVM's default trust store. */
    public ConnectionProvider(
            SourceAddress.Network address,
            String bindDn,
            Secret password,
            Duration connectTimeout,
            Duration responseTimeout) {
        this(
                List.of(address),
                bindDn,
                password,
                connectTimeout,
                responseTimeout,
                TlsSetup.of(LdapTlsSettings.FROM_URL, address.secure()));
    }

    /** Servers tried in order (failover), all reached the same way. */
    public ConnectionProvider(
            List<SourceAddress.Network> servers,
            String bindDn,
            Secret password,
            Duration connectTimeout,
            Duration responseTimeout,
            TlsSetup tls) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server is needed");
        }
        this.servers = List.copyOf(servers);
        this.bindDn = bindDn;
        this.password = password;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.tls = tls;
    }

    /**
     * A bound connection for one read; give it back with {@link #release}.
     *
     * @throws dev.dirsync.core.CredentialsRejectedException when the bind is refused
     * @throws dev.dirsync.core.UnavailableException when no server can be reached
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized LDAPConnection checkout() {
        if (closed) {
            throw new IllegalStateException("the source " + describe() + " is closed");
        }
        try {
            if (pool == null) {
                pool = createPool();
            }
            return pool.getConnection();
        } catch (LDAPException e) {
            throw LdapFailures.connectFailed(e, describe(), bindDn);
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

    /**
     * The server at {@code url} failed a read: the pool is dropped and the next read starts with
     * the next server in the list.
     */
    public synchronized void avoid(String url) {
        int index = -1;
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).url().equals(url)) {
                index = i;
            }
        }
        if (servers.size() > 1) {
            preferred = ((index < 0 ? preferred : index) + 1) % servers.size();
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /** The server behind {@code connection} (the first one when it cannot be told). */
    public SourceAddress.Network serverOf(LDAPConnection connection) {
        int index = indexOf(connection);
        return servers.get(index < 0 ? 0 : index);
    }

    /** The server URLs, in configured order. */
    public String describe() {
        return servers.stream().map(SourceAddress.Network::url).collect(Collectors.joining(" "));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    private int indexOf(LDAPConnection connection) {
        String host = connection.getConnectedAddress();
        int port = connection.getConnectedPort();
        for (int i = 0; i < servers.size(); i++) {
            SourceAddress.Network server = servers.get(i);
            if (server.port() == port && server.host().equalsIgnoreCase(host)) {
                return i;
            }
        }
        return -1;
    }

    private LDAPConnectionPool createPool() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(millis(connectTimeout));
        options.setResponseTimeoutMillis(millis(responseTimeout));
        options.setAbandonOnTimeout(true);
        options.setFollowReferrals(false);
        tls.applyTo(options);
        List<ServerSet> ordered = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            SourceAddress.Network server = servers.get((preferred + i) % servers.size());
            ordered.add(new SingleServerSet(server.host(), server.port(), tls.socketFactory(), options));
        }
        ServerSet serverSet = ordered.size() == 1 ? ordered.get(0) : new FailoverServerSet(ordered);
        SimpleBindRequest bind = new SimpleBindRequest(bindDn, password.reveal());
        LDAPConnectionPool created = new LDAPConnectionPool(serverSet, bind, 1, MAX_CONNECTIONS, tls.postConnect());
        created.setConnectionPoolName("dirsync-source");
        created.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck(
                null, millis(connectTimeout), false, true, false, false, false));
        return created;
    }

    private static int millis(Duration duration) {
        boolean fits = duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0;
        return fits ? (int) duration.toMillis() : Integer.MAX_VALUE;
    }
}

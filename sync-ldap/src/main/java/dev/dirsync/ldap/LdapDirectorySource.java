package dev.dirsync.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.ldap.internal.ConnectionProvider;
import dev.dirsync.ldap.internal.Filters;
import dev.dirsync.ldap.internal.LdapFailures;
import dev.dirsync.ldap.internal.PagedSearch;
import dev.dirsync.ldap.internal.SourceAddress;
import dev.dirsync.ldap.internal.StreamingListener;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads entries from an LDAP server or Active Directory with a paged subtree search under each
 * base DN, handing them to the handler one at a time as they arrive. The connection is opened on
 * the first read, kept between reads and released by {@link #close()}; a read that did not
 * complete discards it. For {@code embedded:} URLs use {@link LdapDirectorySources#open}.
 */
public final class LdapDirectorySource implements DirectorySource {
    /** The cursor kind of a full read; its value is the ISO-8601 instant the read started. */
    public static final String FULL_READ_CURSOR = "full";

    private static final Logger log = LoggerFactory.getLogger(LdapDirectorySource.class);

    private final LdapSourceSettings settings;
    private final String url;
    private final PagedSearch search;
    private final ConnectionProvider connections;

    /** Validates only; connects on the first {@link #read}. */
    public LdapDirectorySource(LdapSourceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!(SourceAddress.parse(settings.url()) instanceof SourceAddress.Network network)) {
            throw new IllegalArgumentException("source.url '" + settings.url()
                    + "' names an embedded directory: open it with LdapDirectorySources.open");
        }
        this.url = network.url();
        this.search = new PagedSearch(Filters.parse("source.filter", settings.filter()), settings.pageSize());
        this.connections = new ConnectionProvider(network, settings.bindDn(), settings.password(),
                settings.connectTimeout(), settings.responseTimeout());
    }

    /**
     * A full read of every base DN, in the configured order. Delta reads are not supported yet: a
     * {@code since} cursor is accepted and a full read is made.
     *
     * @return a {@value #FULL_READ_CURSOR} cursor holding the instant the read started
     */
    @Override
    public SyncCursor read(Optional<SyncCursor> since, EntryHandler handler) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(handler, "handler");
        if (since.isPresent()) {
            log.info("Delta reads are not supported yet; reading {} in full", describe());
        }
        Instant started = Instant.now();
        StreamingListener listener = new StreamingListener(handler);
        int requests = 0;
        LDAPConnection connection = connections.checkout();
        boolean completed = false;
        try {
            for (String baseDn : settings.baseDns()) {
                requests += readBase(connection, baseDn, listener);
            }
            completed = true;
        } finally {
            connections.release(connection, completed);
        }
        log.info("Read {} entries from {} in {} page requests ({} skipped without anchor, {} references ignored)",
                listener.delivered(), describe(), requests, listener.skipped(), listener.references());
        return new SyncCursor(FULL_READ_CURSOR, started.toString());
    }

    private int readBase(LDAPConnection connection, String baseDn, StreamingListener listener) {
        try {
            return search.run(connection, baseDn, listener);
        } catch (LDAPException e) {
            throw LdapFailures.searchFailed(e, url, baseDn);
        }
    }

    /** The URL and base DNs, never credentials. */
    @Override
    public String describe() {
        return url + " " + settings.baseDns();
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "LdapDirectorySource[" + describe() + "]";
    }
}

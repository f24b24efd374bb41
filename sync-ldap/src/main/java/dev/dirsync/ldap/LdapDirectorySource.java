package dev.dirsync.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.ReadResult;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.ldap.internal.AdUsnCursor;
import dev.dirsync.ldap.internal.ConnectionProvider;
import dev.dirsync.ldap.internal.EntryDecoder;
import dev.dirsync.ldap.internal.ModifyTimestampCursor;
import dev.dirsync.ldap.internal.ReadPlan;
import dev.dirsync.ldap.internal.ReadStats;
import dev.dirsync.ldap.internal.SourceAddress;
import dev.dirsync.ldap.internal.SourceReader;
import dev.dirsync.ldap.internal.TlsSetup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads entries from Active Directory or another LDAP server with paged subtree searches under each
 * base DN, handing them to the handler one at a time as they arrive.
 *
 * <p>Reads are full or delta. On Active Directory (a root DSE with highestCommittedUSN) every read
 * returns an {@value #AD_USN_CURSOR} cursor; a delta from it reads the objects whose uSNChanged
 * grew, reports tombstones and objects that left the scope as deleted entries, and falls back to a
 * full read (logged with the reason) when the cursor is missing, of another kind, from another DC,
 * from another database instance (invocationId) or from other scope settings. On other servers a
 * full read returns a {@value #MODIFY_TIMESTAMP_CURSOR} cursor when the entries carry
 * modifyTimestamp (else {@value #FULL_READ_CURSOR}); a delta from it reads entries modified since
 * and reports no deletions.
 *
 * <p>Connections come from a pool, opened on the first read and released by {@link #close()}; a
 * read that did not complete discards its connection. With several URLs the servers are tried in
 * order; after a server failed a read, the next read starts with the next server (and, its cursor
 * naming another DC, reads in full). For {@code embedded:} URLs use {@link LdapDirectorySources#open}.
 */
public final class LdapDirectorySource implements DirectorySource {
    /** A cursor that allows no delta; its value is the ISO-8601 instant the read started. */
    public static final String FULL_READ_CURSOR = SourceReader.FULL_READ_CURSOR;
    /** Active Directory's cursor: the DC, its invocationId and the USN watermark. */
    public static final String AD_USN_CURSOR = AdUsnCursor.KIND;
    /** Other servers' cursor: the server time before the last read, less a margin. */
    public static final String MODIFY_TIMESTAMP_CURSOR = ModifyTimestampCursor.KIND;
    /**
     * The text attribute that carries an entry's objectGUID in anchor form (Base64 of the bytes as
     * stored) whatever its anchor is, on live and deleted entries alike.
     */
    public static final String OBJECT_GUID_ANCHOR = EntryDecoder.OBJECT_GUID_ANCHOR;

    private static final Logger log = LoggerFactory.getLogger(LdapDirectorySource.class);

    private final LdapSourceSettings settings;
    private final ConnectionProvider connections;
    private final SourceReader reader;

    /**
     * Validates and loads the trust store; connects on the first {@link #read}.
     *
     * @throws IllegalArgumentException when the URL names an embedded directory, or the trust store
     *     cannot be read
     */
    public LdapDirectorySource(LdapSourceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        List<SourceAddress.Network> servers = SourceAddress.networks(settings.url());
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("source.url '" + settings.url()
                    + "' names an embedded directory: open it with LdapDirectorySources.open");
        }
        TlsSetup tls = TlsSetup.of(settings.tls(), servers.get(0).secure());
        this.connections = new ConnectionProvider(
                servers,
                settings.bindDn(),
                settings.password(),
                settings.connectTimeout(),
                settings.responseTimeout(),
                tls);
        this.reader = new SourceReader(settings);
        warnAboutWeakTransport(servers, tls);
    }

    /**
     * A full read of every base DN, in the configured order, or the changes since {@code since}.
     *
     * @return the cursor for the next read: {@value #AD_USN_CURSOR}, {@value #MODIFY_TIMESTAMP_CURSOR}
     *     or {@value #FULL_READ_CURSOR}
     * @throws UnavailableException when the server stops answering or a search fails; the next read
     *     then starts with the next server
     */
    @Override
    public SyncCursor read(Optional<SyncCursor> since, EntryHandler handler) {
        return readFrom(since, handler).cursor();
    }

    /** Says whether the read was full: a delta this server cannot honour falls back to a full read. */
    @Override
    public ReadResult readFrom(Optional<SyncCursor> since, EntryHandler handler) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(handler, "handler");
        LDAPConnection connection = connections.checkout();
        SourceAddress.Network server = connections.serverOf(connection);
        boolean completed = false;
        try {
            SourceReader.Outcome outcome = reader.read(connection, server, since, handler);
            completed = true;
            ReadStats stats = outcome.stats();
            log.info(
                    "Read {} entries ({} gone or out of scope) from {} {} in {} page requests "
                            + "({} without a usable anchor, reported and not exported; {} references ignored)",
                    stats.live() + stats.deleted(),
                    stats.deleted(),
                    server.url(),
                    settings.baseDns(),
                    stats.requests(),
                    stats.unanchored(),
                    stats.references());
            return new ReadResult(outcome.cursor(), outcome.plan() instanceof ReadPlan.Full);
        } catch (UnavailableException e) {
            connections.avoid(server.url());
            throw e;
        } finally {
            connections.release(connection, completed);
        }
    }

    /** The URLs and base DNs, never credentials. */
    @Override
    public String describe() {
        return connections.describe() + " " + settings.baseDns();
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "LdapDirectorySource[" + describe() + "]";
    }

    private void warnAboutWeakTransport(List<SourceAddress.Network> servers, TlsSetup tls) {
        if (settings.tls().insecure()) {
            log.warn(
                    "source.tls.insecure is set: {} accepts any server certificate and host name; "
                            + "anyone between can read the bind password. Use it in labs only",
                    connections.describe());
        }
        if (tls.mode() == LdapTlsSettings.Mode.NONE && servers.stream().anyMatch(s -> !s.loopback())) {
            log.warn(
                    "source.allowCleartext is set: the bind password for {} crosses the network in cleartext",
                    connections.describe());
        }
    }
}

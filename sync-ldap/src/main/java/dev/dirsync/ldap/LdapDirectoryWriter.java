package dev.dirsync.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.CurrentValues;
import dev.dirsync.core.fix.FixableAttribute;
import dev.dirsync.core.fix.WriteResult;
import dev.dirsync.core.port.DirectoryWriter;
import dev.dirsync.ldap.internal.ConnectionProvider;
import dev.dirsync.ldap.internal.EmbeddedDirectoryWriter;
import dev.dirsync.ldap.internal.ModifyRequests;
import dev.dirsync.ldap.internal.SourceAddress;
import dev.dirsync.ldap.internal.TlsSetup;
import dev.dirsync.ldap.internal.WriteFailures;
import dev.dirsync.ldap.internal.WriteScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes fixes to an LDAP server or Active Directory, reached and bound exactly as the source is
 * ({@link LdapSourceSettings}; the bind account then needs write access to the attributes fixed).
 * Each change is one modify request carrying its precondition as an LDAP assertion control
 * (RFC 4528): a value someone changed after it was read makes the server refuse the modify, which
 * is reported as skipped, instead of being overwritten. Only objects under the configured base DNs
 * (and outside the excluded ones) are read or changed. For {@code embedded:} URLs use {@link #open}.
 */
public final class LdapDirectoryWriter implements DirectoryWriter {
    private volatile Boolean assertions;
    private static final Logger log = LoggerFactory.getLogger(LdapDirectoryWriter.class);

    private final ConnectionProvider connections;
    private final WriteScope scope;

    /** Validates only; connects on the first read or change. */
    public LdapDirectoryWriter(LdapSourceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        List<SourceAddress.Network> servers = SourceAddress.networks(settings.url());
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("source.url '" + settings.url()
                    + "' names an embedded directory: open it with LdapDirectoryWriter.open");
        }
        this.connections = new ConnectionProvider(
                servers,
                settings.bindDn(),
                settings.password(),
                settings.connectTimeout(),
                settings.responseTimeout(),
                TlsSetup.of(settings.tls(), servers.get(0).secure()));
        this.scope = WriteScope.of(settings);
    }

    /**
     * For {@code ldap://} and {@code ldaps://}, an {@link LdapDirectoryWriter}. For
     * {@code embedded:PATH.ldif}, starts an embedded directory loaded from the file and returns a
     * writer to it; its changes last until the writer is closed.
     *
     * @throws IllegalArgumentException when the LDIF file is missing, unreadable or invalid
     */
    public static DirectoryWriter open(LdapSourceSettings settings) {
        if (SourceAddress.parseList(settings.url()).get(0) instanceof SourceAddress.Embedded embedded) {
            log.info("Changes to the embedded directory {} last only until the command ends", embedded.ldifFile());
            return EmbeddedDirectoryWriter.start(settings, embedded.ldifFile(), LdapDirectoryWriter::new);
        }
        return new LdapDirectoryWriter(settings);
    }

    @Override
    public CurrentValues read(String dn, FixableAttribute attribute) {
        Optional<String> refusal = scope.refusal(dn);
        if (refusal.isPresent()) {
            return new CurrentValues.Refused(refusal.get());
        }
        LDAPConnection connection = connections.checkout();
        boolean reusable = true;
        try {
            SearchResultEntry entry = connection.getEntry(dn, attribute.name());
            if (entry == null) {
                return new CurrentValues.NoObject();
            }
            String[] values = entry.getAttributeValues(attribute.name());
            return new CurrentValues.Found(values == null ? List.of() : List.of(values));
        } catch (LDAPException e) {
            reusable = WriteFailures.connectionUsable(e);
            return WriteFailures.readFailed(e, connections.describe(), dn);
        } finally {
            connections.release(connection, reusable);
        }
    }

    @Override
    public WriteResult apply(AttributeChange change) {
        Optional<String> refusal = scope.refusal(change.dn());
        if (refusal.isPresent()) {
            return WriteResult.failed(refusal.get());
        }
        LDAPConnection connection = connections.checkout();
        boolean reusable = true;
        try {
            connection.modify(ModifyRequests.of(change, supportsAssertions(connection)));
            log.debug("Changed {} of '{}': {}", change.attribute().name(), change.dn(), change.changes());
            return WriteResult.applied();
        } catch (LDAPException e) {
            reusable = WriteFailures.connectionUsable(e);
            return WriteFailures.modifyFailed(e, connections.describe(), change.dn());
        } finally {
            connections.release(connection, reusable);
        }
    }

    /** Whether the server implements the assertion control; read once from its rootDSE. */
    private boolean supportsAssertions(LDAPConnection connection) throws LDAPException {
        Boolean known = assertions;
        if (known == null) {
            RootDSE root = connection.getRootDSE();
            known = root != null && root.supportsControl(ModifyRequests.ASSERTION_CONTROL_OID);
            assertions = known;
            if (!known) {
                log.info(
                        "{} does not implement the assertion control; fixes name the values they replace instead",
                        connections.describe());
            }
        }
        return known;
    }

    /** The server URLs, never credentials. */
    @Override
    public String describe() {
        return connections.describe();
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "LdapDirectoryWriter[" + describe() + "]";
    }
}

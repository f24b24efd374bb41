package dev.dirsync.ldap.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.Secret;
import dev.dirsync.ldap.embedded.internal.LdifInput;
import dev.dirsync.ldap.embedded.internal.LdifLoader;
import dev.dirsync.ldap.embedded.internal.ObjectCategoryInterceptor;
import dev.dirsync.ldap.embedded.internal.ObjectCategoryRewriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An LDAP server on the loopback interface holding the entries of an LDIF file, answering the
 * filters Active Directory answers:
 * <ul>
 *   <li>no schema checking, so AD's attributes and classes load as they are;</li>
 *   <li>AD's {@code objectCategory} shorthand, e.g. {@code (objectCategory=person)}, matches entries
 *       whose objectCategory is {@code CN=Person,CN=Schema,CN=Configuration,<base DN>};</li>
 *   <li>entries with objectClass referral and a ref are returned as search references;</li>
 *   <li>the server adds no attributes of its own (no generated entryUUID or timestamps): entries
 *       carry exactly what the LDIF gives them, so anchors stay the same from one start to the next.</li>
 * </ul>
 * Binds are accepted for entries with a userPassword and for the configured bind credentials.
 */
public final class EmbeddedDirectory implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final InMemoryDirectoryServer server;
    private final DN baseDn;

    private EmbeddedDirectory(InMemoryDirectoryServer server, DN baseDn) {
        this.server = server;
        this.baseDn = baseDn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code ldap://127.0.0.1:<port>}. */
    public String ldapUrl() {
        return "ldap://" + HOST + ":" + server.getListenPort();
    }

    public String baseDn() {
        return baseDn.toString();
    }

    /**
     * Replaces every entry with those of {@code ldif}, all or nothing.
     *
     * @throws IllegalArgumentException when the LDIF is invalid or an entry lies outside the base DN
     */
    public void replaceContent(String ldif) {
        LdifLoader.replaceContent(server, new LdifInput.Text(ldif));
    }

    /** Stops the server and closes its client connections. */
    @Override
    public void close() {
        server.shutDown(true);
    }

    @Override
    public String toString() {
        return "EmbeddedDirectory[" + ldapUrl() + " " + baseDn + "]";
    }

    /** Starts an embedded directory. LDIF content is required; the rest is optional. */
    public static final class Builder {
        private LdifInput ldif;
        private String baseDn;
        private int port;
        private String bindDn;
        private String password;

        private Builder() {}

        public Builder ldifFile(Path file) {
            this.ldif = new LdifInput.File(file);
            return this;
        }

        public Builder ldif(String text) {
            this.ldif = new LdifInput.Text(text);
            return this;
        }

        /** The base DN; by default the DN of the LDIF's first entry. */
        public Builder baseDn(String dn) {
            this.baseDn = dn;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** An extra account that may bind, whether or not the LDIF holds an entry for it. */
        public Builder bindCredentials(String dn, String secret) {
            this.bindDn = Objects.requireNonNull(dn, "dn");
            this.password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** An extra account that may bind: the one a source's settings name. */
        public Builder bindCredentials(String dn, Secret secret) {
            return bindCredentials(dn, Objects.requireNonNull(secret, "secret").reveal());
        }

        /**
         * @throws IllegalArgumentException when the LDIF is missing, unreadable or invalid (naming
         *     the file, and the line of a syntax error), or the base DN is invalid
         * @throws DirsyncException when the server cannot listen on the port
         */
        public EmbeddedDirectory start() {
            if (ldif == null) {
                throw new IllegalStateException("no LDIF given: call ldifFile or ldif before start");
            }
            DN base = baseDn != null ? parseDn(baseDn) : LdifLoader.firstEntryDn(ldif);
            InMemoryDirectoryServer server = createServer(base);
            LdifLoader.replaceContent(server, ldif);
            try {
                server.startListening();
            } catch (LDAPException e) {
                throw new DirsyncException(
                        "embedded directory cannot listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
            }
            return new EmbeddedDirectory(server, base);
        }

        private InMemoryDirectoryServer createServer(DN base) {
            try {
                InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
                config.setSchema(null);
                config.setGenerateOperationalAttributes(false);
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", loopback(), port, null));
                config.addInMemoryOperationInterceptor(new ObjectCategoryInterceptor(new ObjectCategoryRewriter(base)));
                if (bindDn != null) {
                    config.addAdditionalBindCredentials(bindDn, password);
                }
                return new InMemoryDirectoryServer(config);
            } catch (LDAPException e) {
                throw new IllegalArgumentException("embedded directory cannot be configured: " + e.getMessage(), e);
            }
        }

        private static InetAddress loopback() {
            try {
                return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
            } catch (UnknownHostException e) {
                throw new IllegalStateException("an IPv4 address of four bytes was refused", e);
            }
        }

        private static DN parseDn(String dn) {
            try {
                return new DN(dn);
            } catch (LDAPException e) {
                throw new IllegalArgumentException("base DN is not a valid DN: '" + dn + "'", e);
            }
        }
    }
}

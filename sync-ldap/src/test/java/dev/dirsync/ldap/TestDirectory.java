package dev.dirsync.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldif.LDIFReader;
import dev.dirsync.ldap.embedded.internal.ObjectCategoryInterceptor;
import dev.dirsync.ldap.embedded.internal.ObjectCategoryRewriter;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory directory one test class shares: AD-like (no schema, objectCategory shorthand,
 * no generated entryUUID), a service account to bind as, and a count of paged search requests.
 * {@link #reset()} before each test leaves only the base and {@code OU=People}.
 */
final class TestDirectory implements AutoCloseable {
    static final String BASE = "DC=example,DC=com";
    static final String PEOPLE = "OU=People,DC=example,DC=com";
    static final String PERSON_CATEGORY = "CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com";
    static final String BIND_DN = "CN=dirsync,OU=Service,DC=example,DC=com";
    static final String PASSWORD = "Correct-Horse-Battery-9";

    private static final String BASE_ENTRIES =
            """
            dn: DC=example,DC=com
            objectClass: top
            objectClass: domain
            dc: example

            dn: OU=People,DC=example,DC=com
            objectClass: top
            objectClass: organizationalUnit
            ou: People
            """;

    private final InMemoryDirectoryServer server;
    private final AtomicInteger pagedSearches;

    private TestDirectory(InMemoryDirectoryServer server, AtomicInteger pagedSearches) {
        this.server = server;
        this.pagedSearches = pagedSearches;
    }

    static TestDirectory start() throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        config.setGenerateOperationalAttributes(false);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        config.addInMemoryOperationInterceptor(new ObjectCategoryInterceptor(new ObjectCategoryRewriter(new DN(BASE))));
        AtomicInteger pagedSearches = new AtomicInteger();
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                if (request.getRequest().hasControl(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                    pagedSearches.incrementAndGet();
                }
            }
        });
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        return new TestDirectory(server, pagedSearches);
    }

    /** Clears every entry but the base entries, and the request count. */
    void reset() throws LDAPException {
        server.importFromLDIF(true, reader(BASE_ENTRIES));
        pagedSearches.set(0);
    }

    void add(String ldif) throws LDAPException {
        server.importFromLDIF(false, reader(ldif));
    }

    /** Paged search requests received since {@link #reset()}. */
    int pagedSearches() {
        return pagedSearches.get();
    }

    /** Closes every client connection, as a server or firewall does with idle connections. */
    void dropConnections() {
        server.closeAllConnections(false);
    }

    /** The DNs a plain search for {@code filter} returns, in the server's order. */
    List<String> searchDns(String filter) throws LDAPException {
        return server.search(BASE, SearchScope.SUB, filter).getSearchEntries().stream()
                .map(SearchResultEntry::getDN)
                .toList();
    }

    String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    LdapSourceSettings settings() {
        return LdapSourceSettings.of(url(), BIND_DN, PASSWORD, List.of(BASE));
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    /** An AD user under OU=People with the given extra LDIF lines (anchor attributes, mail, ...). */
    static String user(String cn, String... lines) {
        StringBuilder ldif = new StringBuilder()
                .append("dn: CN=")
                .append(cn)
                .append(',')
                .append(PEOPLE)
                .append('\n')
                .append("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\n")
                .append("objectCategory: ")
                .append(PERSON_CATEGORY)
                .append('\n')
                .append("cn: ")
                .append(cn)
                .append('\n')
                .append("sAMAccountName: ")
                .append(cn.toLowerCase(Locale.ROOT))
                .append('\n');
        for (String line : lines) {
            ldif.append(line).append('\n');
        }
        return ldif.append('\n').toString();
    }

    private static LDIFReader reader(String ldif) {
        return new LDIFReader(new BufferedReader(new StringReader(ldif)));
    }
}

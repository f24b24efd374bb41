package dev.dirsync.ldap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.ldap.LdapDirectorySource;
import dev.dirsync.ldap.LdapSourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedDirectoryTest {
    private static final String BIND_DN = "CN=dirsync,OU=Service,DC=example,DC=com";
    private static final String PASSWORD = "Embedded-Secret-1";

    private static final String BASE_ONLY =
            """
            dn: DC=example,DC=com
            objectClass: top
            objectClass: domain
            dc: example
            """;

    /** A user, a computer (also objectClass user, but of category Computer), a contact and a group. */
    private static final String MIXED = BASE_ONLY
            + """

            dn: OU=People,DC=example,DC=com
            objectClass: organizationalUnit
            ou: People

            dn: CN=Ada Lovelace,OU=People,DC=example,DC=com
            objectClass: top
            objectClass: person
            objectClass: organizationalPerson
            objectClass: user
            objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com
            cn: Ada Lovelace
            objectGUID:: 8zbwMwTpS0Se9hjgAKbKCg==

            dn: CN=WS042,OU=People,DC=example,DC=com
            objectClass: top
            objectClass: person
            objectClass: organizationalPerson
            objectClass: user
            objectClass: computer
            objectCategory: CN=Computer,CN=Schema,CN=Configuration,DC=example,DC=com
            cn: WS042
            objectGUID:: AAECAwQFBgcICQoLDA0ODw==

            dn: CN=Partner Contact,OU=People,DC=example,DC=com
            objectClass: top
            objectClass: person
            objectClass: organizationalPerson
            objectClass: contact
            objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com
            cn: Partner Contact
            objectGUID:: EBESExQVFhcYGRobHB0eHw==

            dn: CN=Staff,OU=People,DC=example,DC=com
            objectClass: top
            objectClass: group
            objectCategory: CN=Group,CN=Schema,CN=Configuration,DC=example,DC=com
            cn: Staff
            objectGUID:: ICEiIyQlJicoKSorLC0uLw==
            """;

    private static EmbeddedDirectory directory;

    @BeforeAll
    static void startDirectory() {
        directory = EmbeddedDirectory.builder()
                .ldif(BASE_ONLY)
                .bindCredentials(BIND_DN, PASSWORD)
                .start();
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @BeforeEach
    void seed() {
        directory.replaceContent(MIXED);
    }

    @Test
    void start_baseDnIsTheFirstEntrysDn_andTheUrlIsLoopback() throws LDAPException {
        LDAPURL url = new LDAPURL(directory.ldapUrl());

        assertThat(directory.baseDn()).isEqualTo("DC=example,DC=com");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isPositive();
    }

    @Test
    void start_givenBaseDn_isUsedAsGiven() {
        try (EmbeddedDirectory other = EmbeddedDirectory.builder()
                .ldif(MIXED)
                .baseDn("dc=Example,dc=COM")
                .start()) {
            assertThat(other.baseDn()).isEqualTo("dc=Example,dc=COM");
        }
    }

    @Test
    void defaultUserFilter_returnsTheUserButNotTheComputerContactOrGroup() {
        LdapSourceSettings settings =
                LdapSourceSettings.of(directory.ldapUrl(), BIND_DN, PASSWORD, List.of(directory.baseDn()));
        List<SourceEntry> read = new ArrayList<>();

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            source.read(Optional.empty(), read::add);
        }

        assertThat(read).extracting(SourceEntry::commonName).containsExactly("Ada Lovelace");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "->",
            value = {
                "(objectCategory=person)                                   -> Ada Lovelace;Partner Contact",
                "(objectCategory=computer)                                 -> WS042",
                "(&(objectCategory=person)(objectClass=contact))           -> Partner Contact",
                "(|(objectCategory=group)(objectCategory=computer))        -> WS042;Staff",
                "(&(objectClass=user)(!(objectCategory=person)))           -> WS042",
                "(objectCategory=CN=Group,CN=Schema,CN=Configuration,DC=example,DC=com) -> Staff",
            })
    void objectCategoryShorthand_isAnsweredLikeActiveDirectory(String filter, String expectedNames)
            throws LDAPException {
        assertThat(search(filter)).containsExactlyInAnyOrder(expectedNames.split(";"));
    }

    @Test
    void entries_carryOnlyWhatTheLdifGives_noGeneratedEntryUuid() throws LDAPException {
        try (LDAPConnection connection = connect()) {
            SearchResultEntry entry = connection.getEntry("CN=Ada Lovelace,OU=People,DC=example,DC=com", "*", "+");

            assertThat(entry.hasAttribute("entryUUID")).isFalse();
            assertThat(entry.hasAttribute("createTimestamp")).isFalse();
        }
    }

    @Test
    void bind_configuredCredentials_areAcceptedAndAWrongPasswordIsNot() throws LDAPException {
        try (LDAPConnection connection = connect()) {
            assertThat(connection.bind(BIND_DN, PASSWORD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.bind(BIND_DN, "wrong"))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode())
                            .isEqualTo(ResultCode.INVALID_CREDENTIALS));
        }
    }

    @Test
    void replaceContent_invalidLdif_namesTheLineAndKeepsTheOldContent() throws LDAPException {
        String broken = BASE_ONLY + "\ndn: CN=Broken,DC=example,DC=com\nthis line has no colon\n";

        assertThatThrownBy(() -> directory.replaceContent(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 6");
        assertThat(search("(objectCategory=person)")).hasSize(2);
    }

    @Test
    void replaceContent_entryOutsideTheBase_isRejectedNamingIt() {
        String outside = BASE_ONLY + "\ndn: DC=other,DC=org\nobjectClass: domain\ndc: other\n";

        assertThatThrownBy(() -> directory.replaceContent(outside))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DC=other,DC=org");
    }

    @Test
    void start_withoutLdif_isRefused() {
        assertThatThrownBy(() -> EmbeddedDirectory.builder().start()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void start_emptyLdifWithoutBaseDn_isRefused() {
        assertThatThrownBy(() -> EmbeddedDirectory.builder().ldif("").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no entries");
    }

    @Test
    void close_stopsListening() throws LDAPException {
        EmbeddedDirectory other = EmbeddedDirectory.builder().ldif(BASE_ONLY).start();
        LDAPURL url = new LDAPURL(other.ldapUrl());
        other.close();

        assertThatThrownBy(() -> new LDAPConnection(url.getHost(), url.getPort()).close())
                .isInstanceOfSatisfying(
                        LDAPException.class, e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.CONNECT_ERROR));
    }

    private static List<String> search(String filter) throws LDAPException {
        try (LDAPConnection connection = connect()) {
            return connection.search(directory.baseDn(), SearchScope.SUB, filter, "cn").getSearchEntries().stream()
                    .map(e -> e.getAttributeValue("cn"))
                    .toList();
        }
    }

    private static LDAPConnection connect() throws LDAPException {
        LDAPURL url = new LDAPURL(directory.ldapUrl());
        return new LDAPConnection(url.getHost(), url.getPort());
    }
}

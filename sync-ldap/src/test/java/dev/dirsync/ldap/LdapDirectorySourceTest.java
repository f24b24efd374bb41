package dev.dirsync.ldap;

import static dev.dirsync.ldap.TestDirectory.BASE;
import static dev.dirsync.ldap.TestDirectory.PASSWORD;
import static dev.dirsync.ldap.TestDirectory.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.Secret;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.SyncCursor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LdapDirectorySourceTest {
    /** The GUID as AD shows it, and its bytes as AD stores and returns them (first three fields little-endian). */
    private static final String GUID_TEXT = "33f036f3-e904-444b-9ef6-18e000a6ca0a";

    private static final byte[] GUID_AS_STORED = HexFormat.of().parseHex("f336f03304e94b449ef618e000a6ca0a");
    private static final String GUID_IMMUTABLE_ID = "8zbwMwTpS0Se9hjgAKbKCg==";

    private static TestDirectory directory;

    @BeforeAll
    static void startDirectory() throws LDAPException {
        directory = TestDirectory.start();
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @BeforeEach
    void clearDirectory() throws LDAPException {
        directory.reset();
    }

    @Test
    void read_sevenUsersWithPageSizeTwo_deliversAllOverFourPages() throws LDAPException {
        for (int i = 1; i <= 7; i++) {
            directory.add(user("User" + i, "objectGUID:: " + guid(i)));
        }

        List<SourceEntry> read = readAll(directory.settings().withPageSize(2));

        assertThat(read)
                .extracting(SourceEntry::commonName)
                .containsExactlyInAnyOrder("User1", "User2", "User3", "User4", "User5", "User6", "User7");
        assertThat(directory.pagedSearches()).isEqualTo(4);
    }

    @Test
    void read_streamsEntriesInServerOrder_firstEntryArrivesBeforeTheSecondPageIsRequested() throws LDAPException {
        for (int i = 1; i <= 7; i++) {
            directory.add(user("User" + i, "objectGUID:: " + guid(i)));
        }
        List<String> dns = new ArrayList<>();
        List<Integer> pagesRequestedAtEachEntry = new ArrayList<>();

        try (LdapDirectorySource source =
                new LdapDirectorySource(directory.settings().withPageSize(2))) {
            source.read(Optional.empty(), entry -> {
                dns.add(entry.dn());
                pagesRequestedAtEachEntry.add(directory.pagedSearches());
            });
        }

        assertThat(dns).containsExactlyElementsOf(directory.searchDns("(objectClass=user)"));
        assertThat(pagesRequestedAtEachEntry).containsExactly(1, 1, 2, 2, 3, 3, 4);
    }

    @Test
    void read_objectGuid_anchorIsBase64OfTheBytesAsStored() {
        add(
                """
                dn: CN=Guid User,OU=People,DC=example,DC=com
                objectClass: user
                objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com
                cn: Guid User
                objectGUID:: %s
                """
                        .formatted(Base64.getEncoder().encodeToString(GUID_AS_STORED)));

        SourceEntry entry = readOnlyEntry();

        assertThat(entry.anchor().value()).isEqualTo(GUID_IMMUTABLE_ID);
        assertThat(entry.anchor()).isNotEqualTo(Anchor.ofUuid(UUID.fromString(GUID_TEXT)));
    }

    @Test
    void read_consistencyGuidAndObjectGuid_anchorIsTheConsistencyGuid() {
        add(
                """
                dn: CN=Moved User,OU=People,DC=example,DC=com
                objectClass: user
                objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com
                cn: Moved User
                objectGUID:: AAECAwQFBgcICQoLDA0ODw==
                mS-DS-ConsistencyGuid:: %s
                """
                        .formatted(GUID_IMMUTABLE_ID));

        assertThat(readOnlyEntry().anchor().value()).isEqualTo(GUID_IMMUTABLE_ID);
    }

    @Test
    void read_onlyEntryUuid_anchorIsTheUuidInNetworkOrder() {
        add(
                """
                dn: CN=Open User,OU=People,DC=example,DC=com
                objectClass: user
                objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com
                cn: Open User
                entryUUID: %s
                """
                        .formatted(GUID_TEXT));

        SourceEntry entry = readOnlyEntry();

        assertThat(entry.anchor()).isEqualTo(Anchor.ofUuid(UUID.fromString(GUID_TEXT)));
        assertThat(entry.anchor().value()).isEqualTo("M/A28+kEREue9hjgAKbKCg==");
    }

    @Test
    void read_entryWithoutAnchor_isHandedOnUnanchoredAndTheReadCompletes() throws LDAPException {
        directory.add(user("No Anchor"));
        directory.add(user("Anchored", "objectGUID:: " + guid(1)));

        List<SourceEntry> read = readAll(directory.settings());

        assertThat(read).extracting(SourceEntry::commonName).containsExactlyInAnyOrder("No Anchor", "Anchored");
        SourceEntry unanchored =
                read.stream().filter(e -> !e.anchored()).findFirst().orElseThrow();
        assertThat(unanchored.commonName()).isEqualTo("No Anchor");
        assertThat(unanchored.anchor()).isNull();
        assertThat(unanchored.anchorProblem())
                .isEqualTo(new SourceEntry.AnchorProblem(
                        "anchor", null, "no mS-DS-ConsistencyGuid, objectGUID or entryUUID"));
    }

    @Test
    void read_objectGuidOfThreeBytes_isAProblemNotAnAnchor() throws LDAPException {
        directory.add(user("Short Guid", "objectGUID:: AQID"));

        SourceEntry entry = readOnlyEntry();

        assertThat(entry.anchored()).isFalse();
        assertThat(entry.anchorProblem())
                .isEqualTo(new SourceEntry.AnchorProblem("objectGUID", "AQID", "3 bytes; a GUID has 16"));
    }

    @Test
    void read_invalidUtf8_readsAsReplacementCharacters_controlCharactersAsTheyAre() throws LDAPException {
        byte[] latin1 = "René Müller".getBytes(StandardCharsets.ISO_8859_1);
        byte[] controls = "Anna\u0000 Sch\u0007mi\u001Bdt".getBytes(StandardCharsets.UTF_8);
        directory.add(user(
                "Bytes",
                "objectGUID:: " + guid(1),
                "displayName:: " + Base64.getEncoder().encodeToString(latin1),
                "givenName:: " + Base64.getEncoder().encodeToString(controls),
                "sn:: " + Base64.getEncoder().encodeToString("Müller".getBytes(StandardCharsets.UTF_8))));

        SourceEntry entry = readOnlyEntry();

        assertThat(entry.attributes().firstOrNull("displayName")).isEqualTo("Ren\uFFFD M\uFFFDller");
        assertThat(entry.attributes().firstOrNull("givenName")).isEqualTo("Anna\u0000 Sch\u0007mi\u001Bdt");
        assertThat(entry.attributes().firstOrNull("sn")).isEqualTo("Müller");
    }

    @Test
    void read_decodesStringAttributesAndLeavesBinaryOnesOut() {
        add(
                """
                dn: CN=Ada Lovelace,OU=People,DC=example,DC=com
                objectClass: top
                objectClass: person
                objectClass: organizationalPerson
                objectClass: user
                objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com
                cn: Ada Lovelace
                givenName: Ada
                sn: Lovelace
                mail: ada@example.com
                proxyAddresses: SMTP:ada@example.com
                proxyAddresses: smtp:ada.lovelace@example.com
                userAccountControl: 512
                objectGUID:: %s
                mS-DS-ConsistencyGuid:: %s
                description: not requested
                """
                        .formatted(GUID_IMMUTABLE_ID, GUID_IMMUTABLE_ID));

        SourceEntry entry = readOnlyEntry();

        assertThat(entry.dn()).isEqualTo("CN=Ada Lovelace,OU=People,DC=example,DC=com");
        assertThat(entry.objectClasses()).containsExactly("top", "person", "organizationalPerson", "user");
        assertThat(entry.deleted()).isFalse();
        assertThat(entry.attributes().all("proxyAddresses"))
                .containsExactly("SMTP:ada@example.com", "smtp:ada.lovelace@example.com");
        assertThat(entry.attributes().firstOrNull("userAccountControl")).isEqualTo("512");
        assertThat(entry.attributes().has("objectGUID")).isFalse();
        assertThat(entry.attributes().has("mS-DS-ConsistencyGuid")).isFalse();
        assertThat(entry.attributes().has("description")).isFalse();
    }

    @Test
    void read_searchReference_isIgnoredAndTheReadCompletes() throws LDAPException {
        add(
                """
                dn: OU=Partition,DC=example,DC=com
                objectClass: referral
                objectClass: extensibleObject
                ou: Partition
                ref: ldap://dc2.example.com/OU=Partition,DC=example,DC=com
                """);
        directory.add(user("Local", "objectGUID:: " + guid(1)));

        List<SourceEntry> read = readAll(directory.settings().withFilter("(objectClass=*)"));

        assertThat(read)
                .filteredOn(SourceEntry::anchored)
                .extracting(SourceEntry::commonName)
                .containsExactly("Local");
        assertThat(read).extracting(SourceEntry::commonName).doesNotContain("Partition");
    }

    @Test
    void read_severalBaseDns_readsEachInTurn() throws LDAPException {
        add(
                """
                dn: OU=Staff,DC=example,DC=com
                objectClass: organizationalUnit
                ou: Staff
                """);
        directory.add(user("Person", "objectGUID:: " + guid(1)));
        add(user("Staffer", "objectGUID:: " + guid(2)).replace(TestDirectory.PEOPLE, "OU=Staff,DC=example,DC=com"));
        LdapSourceSettings settings = new LdapSourceSettings(
                directory.url(),
                TestDirectory.BIND_DN,
                Secret.of(PASSWORD),
                List.of("OU=Staff,DC=example,DC=com", TestDirectory.PEOPLE),
                null,
                10,
                null,
                null);

        assertThat(readAll(settings)).extracting(SourceEntry::commonName).containsExactly("Staffer", "Person");
    }

    @Test
    void read_full_returnsFullCursorHoldingTheReadStart() {
        Instant before = Instant.now();
        SyncCursor cursor;
        try (LdapDirectorySource source = new LdapDirectorySource(directory.settings())) {
            cursor = source.read(Optional.empty(), entry -> {});
        }

        assertThat(cursor.kind()).isEqualTo("full");
        assertThat(Instant.parse(cursor.value())).isBetween(before, Instant.now());
    }

    @Test
    void read_sinceCursor_readsInFull() throws LDAPException {
        directory.add(user("Everyone", "objectGUID:: " + guid(1)));
        List<SourceEntry> read = new ArrayList<>();

        try (LdapDirectorySource source = new LdapDirectorySource(directory.settings())) {
            SyncCursor cursor = source.read(Optional.of(new SyncCursor("full", Instant.EPOCH.toString())), read::add);
            assertThat(cursor.kind()).isEqualTo("full");
        }

        assertThat(read).hasSize(1);
    }

    @Test
    void read_twice_reusesTheSourceAndSurvivesADroppedIdleConnection() throws LDAPException {
        directory.add(user("Steady", "objectGUID:: " + guid(1)));

        try (LdapDirectorySource source = new LdapDirectorySource(directory.settings())) {
            List<SourceEntry> first = new ArrayList<>();
            source.read(Optional.empty(), first::add);
            directory.dropConnections();
            List<SourceEntry> second = new ArrayList<>();
            source.read(Optional.empty(), second::add);

            assertThat(second).isEqualTo(first).hasSize(1);
        }
    }

    @Test
    void read_handlerThrows_exceptionReachesTheCallerAndTheNextReadWorks() throws LDAPException {
        for (int i = 1; i <= 5; i++) {
            directory.add(user("User" + i, "objectGUID:: " + guid(i)));
        }

        try (LdapDirectorySource source =
                new LdapDirectorySource(directory.settings().withPageSize(2))) {
            IllegalStateException failure = new IllegalStateException("handler failed");
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {
                        throw failure;
                    }))
                    .isSameAs(failure);

            List<SourceEntry> read = new ArrayList<>();
            source.read(Optional.empty(), read::add);
            assertThat(read).hasSize(5);
        }
    }

    @Test
    void read_wrongPassword_throwsCredentialsRejectedNamingBindDnAndUrlButNotThePassword() {
        String wrong = "Wrong-Password-4711";
        LdapSourceSettings settings =
                LdapSourceSettings.of(directory.url(), TestDirectory.BIND_DN, wrong, List.of(BASE));

        CredentialsRejectedException e;
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            e = catchThrowableOfType(
                    CredentialsRejectedException.class, () -> source.read(Optional.empty(), entry -> {}));
        }

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains(TestDirectory.BIND_DN, directory.url())
                .doesNotContain(wrong);
        assertThat(e.toString()).doesNotContain(wrong);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(cause.toString()).doesNotContain(wrong);
        }
    }

    @Test
    void read_unreachablePort_throwsUnavailableNamingTheUrl() throws IOException {
        String url = "ldap://127.0.0.1:" + freePort();
        LdapSourceSettings settings =
                directory.settings().withUrl(url).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {}))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(url);
        }
    }

    @Test
    void read_baseDnThatDoesNotExist_throwsUnavailableNamingBaseDnAndTheServersMessage() {
        String missing = "OU=Gone,DC=example,DC=com";
        LdapSourceSettings settings = new LdapSourceSettings(
                directory.url(), TestDirectory.BIND_DN, Secret.of(PASSWORD), List.of(missing), null, 10, null, null);

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {}))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(missing)
                    .hasMessageContaining("no such object")
                    .hasMessageContaining(directory.url());
        }
    }

    @Test
    void read_afterClose_isRefused() {
        LdapDirectorySource source = new LdapDirectorySource(directory.settings());
        source.close();

        assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void describe_namesUrlAndBaseDnsButNoCredentials() {
        try (LdapDirectorySource source = new LdapDirectorySource(directory.settings())) {
            assertThat(source.describe()).contains(directory.url(), BASE).doesNotContain(PASSWORD);
            assertThat(source.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void constructor_embeddedUrl_isRefusedInFavourOfTheFactory() {
        LdapSourceSettings settings = directory.settings().withUrl("embedded:demo.ldif");

        assertThatThrownBy(() -> new LdapDirectorySource(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LdapDirectorySources.open");
    }

    private static void add(String ldif) {
        try {
            directory.add(ldif);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SourceEntry> readAll(LdapSourceSettings settings) {
        List<SourceEntry> read = new ArrayList<>();
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            source.read(Optional.empty(), read::add);
        }
        return read;
    }

    private static SourceEntry readOnlyEntry() {
        List<SourceEntry> read = readAll(directory.settings());
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    /** A distinct 16-byte GUID, Base64 for LDIF. */
    private static String guid(int n) {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) n;
        bytes[15] = (byte) 0xAD;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

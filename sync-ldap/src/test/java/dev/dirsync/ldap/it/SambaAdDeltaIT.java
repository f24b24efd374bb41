package dev.dirsync.ldap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import dev.dirsync.core.Secret;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.ldap.LdapDirectorySource;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.LdapTlsSettings;
import dev.dirsync.ldap.internal.AdUsnCursor;
import dev.dirsync.ldap.internal.DcState;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta reads, scoping and TLS against a real Active Directory DC (Samba AD DC on loopback, set up
 * by {@code .ci/setup-samba-ad}). Each test works in its own OU under the class's OU, which is
 * deleted afterwards.
 */
class SambaAdDeltaIT {
    private static final String DOMAIN = "DC=corp,DC=example,DC=com";
    private static final TestServer AD = TestServer.fromEnv(
            "Samba AD",
            "DIRSYNC_TEST_AD",
            "ldap://127.0.0.1:389",
            "Administrator@corp.example.com",
            "Dirsync-Test-Passw0rd",
            ".ci/setup-samba-ad");
    private static final int LDAPS_PORT =
            Integer.parseInt(System.getenv().getOrDefault("DIRSYNC_TEST_AD_LDAPS_PORT", "636"));
    /** userAccountControl NORMAL_ACCOUNT | PASSWD_NOTREQD: enabled without a password. */
    private static final String ENABLED = "544";
    /** The same with ACCOUNTDISABLE. */
    private static final String DISABLED = "546";

    private static LDAPConnection admin;
    private static String classOu;

    private String testOu;
    private String people;
    private String excluded;
    private String outside;

    @BeforeAll
    static void connect() throws LDAPException {
        AD.requireReachable();
        admin = new LDAPConnection(AD.host(), AD.port(), AD.bindDn(), AD.password());
        classOu = "OU=dirsync-it-" + UUID.randomUUID().toString().substring(0, 8) + "," + DOMAIN;
        admin.add(new AddRequest(classOu, new Attribute("objectClass", "organizationalUnit")));
    }

    @AfterAll
    static void removeClassOu() throws LDAPException {
        if (admin == null) {
            return;
        }
        try {
            DeleteRequest delete = new DeleteRequest(classOu);
            delete.addControl(new SubtreeDeleteRequestControl(true));
            admin.delete(delete);
        } finally {
            admin.close();
        }
    }

    @BeforeEach
    void createTestOu() throws LDAPException {
        testOu = "OU=t" + UUID.randomUUID().toString().substring(0, 8) + "," + classOu;
        people = "OU=People," + testOu;
        excluded = "OU=Excluded," + people;
        outside = "OU=Outside," + testOu;
        for (String ou : List.of(testOu, people, excluded, outside)) {
            admin.add(new AddRequest(ou, new Attribute("objectClass", "organizationalUnit")));
        }
    }

    @Test
    void fullRead_returnsUsersWithBinaryObjectGuidAnchorsAndAnAdUsnCursor() throws LDAPException {
        List<String> dns = List.of(user(people, "Ada"), user(people, "Grace"), user(excluded, "Hidden"));

        Read read = read(settings().excludedDns(List.of(excluded)).build(), Optional.empty());

        assertThat(read.live()).extracting(SourceEntry::dn).containsExactlyInAnyOrder(dns.get(0), dns.get(1));
        for (SourceEntry entry : read.live()) {
            byte[] guid = admin.getEntry(entry.dn(), "objectGUID").getAttributeValueBytes("objectGUID");
            assertThat(guid).hasSize(16);
            assertThat(entry.anchor()).isEqualTo(Anchor.ofBytes(guid));
            assertThat(entry.attributes().firstOrNull(LdapDirectorySource.OBJECT_GUID_ANCHOR))
                    .isEqualTo(entry.anchor().value());
            assertThat(entry.attributes().firstOrNull("mailNickname")).isNotBlank();
        }
        assertThat(read.cursor().kind()).isEqualTo(LdapDirectorySource.AD_USN_CURSOR);
        assertThat(read.deleted()).isEmpty();
    }

    @Test
    void delta_oneAttributeModified_returnsExactlyThatUser() throws LDAPException {
        user(people, "Ada");
        String grace = user(people, "Grace");
        user(people, "Linus");
        LdapSourceSettings settings = settings().build();
        Read full = read(settings, Optional.empty());
        assertThat(full.live()).hasSize(3);

        admin.modify(grace, new Modification(ModificationType.REPLACE, "mail", "grace.hopper@example.com"));
        Read delta = read(settings, Optional.of(full.cursor()));

        assertThat(delta.all()).hasSize(1);
        assertThat(delta.live()).singleElement().satisfies(entry -> {
            assertThat(entry.dn()).isEqualTo(grace);
            assertThat(entry.attributes().firstOrNull("mail")).isEqualTo("grace.hopper@example.com");
        });
        assertThat(usn(delta.cursor())).isGreaterThan(usn(full.cursor()));

        Read nothing = read(settings, Optional.of(delta.cursor()));
        assertThat(nothing.all()).isEmpty();
    }

    @Test
    void delta_userDeleted_returnsTheTombstoneAsDeletedWithTheSameAnchor() throws LDAPException {
        String ada = user(people, "Ada");
        user(people, "Grace");
        LdapSourceSettings settings = settings().build();
        Read full = read(settings, Optional.empty());
        Anchor adaAnchor = anchorOf(full, ada);

        admin.delete(ada);
        Read delta = read(settings, Optional.of(full.cursor()));

        assertThat(delta.live()).isEmpty();
        assertThat(delta.deleted()).singleElement().satisfies(entry -> {
            assertThat(entry.anchor()).isEqualTo(adaAnchor);
            assertThat(entry.attributes().firstOrNull(LdapDirectorySource.OBJECT_GUID_ANCHOR))
                    .isEqualTo(adaAnchor.value());
            assertThat(entry.dn()).contains("Deleted Objects");
        });
    }

    @Test
    void delta_userMovedOutOfTheBaseOrIntoAnExcludedOu_returnsThemAsDeleted() throws LDAPException {
        String ada = user(people, "Ada");
        String grace = user(people, "Grace");
        user(people, "Linus");
        LdapSourceSettings settings = settings().excludedDns(List.of(excluded)).build();
        Read full = read(settings, Optional.empty());

        admin.modifyDN(new ModifyDNRequest(ada, "CN=Ada", true, outside));
        admin.modifyDN(new ModifyDNRequest(grace, "CN=Grace", true, excluded));
        Read delta = read(settings, Optional.of(full.cursor()));

        assertThat(delta.live()).isEmpty();
        assertThat(delta.deleted())
                .extracting(SourceEntry::anchor)
                .containsExactlyInAnyOrder(anchorOf(full, ada), anchorOf(full, grace));
        assertThat(delta.deleted())
                .extracting(SourceEntry::dn)
                .containsExactlyInAnyOrder("CN=Ada," + outside, "CN=Grace," + excluded);
    }

    @Test
    void delta_userRemovedFromANestedScopingGroup_returnsItAsDeleted() throws LDAPException {
        String ada = user(people, "Ada");
        String grace = user(people, "Grace");
        user(people, "Outsider");
        String inner = group("Inner", ada, grace);
        String scoping = group("Scoping", inner);
        LdapSourceSettings settings = settings().groupDn(scoping).build();
        Read full = read(settings, Optional.empty());
        assertThat(full.live()).extracting(SourceEntry::dn).containsExactlyInAnyOrder(ada, grace);

        admin.modify(inner, new Modification(ModificationType.DELETE, "member", grace));
        Read delta = read(settings, Optional.of(full.cursor()));

        assertThat(delta.deleted()).extracting(SourceEntry::anchor).contains(anchorOf(full, grace));
        assertThat(delta.live()).extracting(SourceEntry::dn).containsExactly(ada);
    }

    @Test
    void delta_userDisabledWithSkipDisabled_returnsItAsDeleted() throws LDAPException {
        String ada = user(people, "Ada");
        user(people, "Grace");
        user(people, "Off", DISABLED);
        LdapSourceSettings settings = settings().skipDisabled(true).build();
        Read full = read(settings, Optional.empty());
        assertThat(full.live()).hasSize(2);

        admin.modify(ada, new Modification(ModificationType.REPLACE, "userAccountControl", DISABLED));
        Read delta = read(settings, Optional.of(full.cursor()));

        assertThat(delta.live()).isEmpty();
        assertThat(delta.deleted()).extracting(SourceEntry::anchor).containsExactly(anchorOf(full, ada));
    }

    @Test
    void delta_cursorWithAnotherInvocationId_readsInFull() throws LDAPException {
        user(people, "Ada");
        String grace = user(people, "Grace");
        LdapSourceSettings settings = settings().build();
        Read full = read(settings, Optional.empty());
        admin.modify(grace, new Modification(ModificationType.REPLACE, "mail", "g@example.com"));

        DcState dc = AdUsnCursor.parse(full.cursor()).orElseThrow().dc();
        SyncCursor restored = new AdUsnCursor(
                        new DcState(
                                dc.host(),
                                dc.dsServiceName(),
                                "00112233445566778899aabbccddeeff",
                                dc.highestCommittedUsn()),
                        AdUsnCursor.parse(full.cursor()).orElseThrow().scope())
                .toCursor();
        Read afterRestore = read(settings, Optional.of(restored));

        assertThat(afterRestore.live()).hasSize(2);
        assertThat(AdUsnCursor.parse(afterRestore.cursor()).orElseThrow().dc().invocationId())
                .isEqualTo(dc.invocationId());
    }

    @Test
    void delta_cursorFromAnotherDcOrScope_readsInFull() throws LDAPException {
        user(people, "Ada");
        user(people, "Grace");
        LdapSourceSettings settings = settings().build();
        Read full = read(settings, Optional.empty());
        AdUsnCursor cursor = AdUsnCursor.parse(full.cursor()).orElseThrow();
        DcState dc = cursor.dc();

        SyncCursor otherDc = new AdUsnCursor(
                        new DcState(
                                "dc2.corp.example.com",
                                dc.dsServiceName(),
                                dc.invocationId(),
                                dc.highestCommittedUsn()),
                        cursor.scope())
                .toCursor();
        assertThat(read(settings, Optional.of(otherDc)).live()).hasSize(2);

        LdapSourceSettings narrower =
                settings().filter("(&(objectCategory=person)(cn=Ada))").build();
        assertThat(read(narrower, Optional.of(full.cursor())).live()).hasSize(1);

        assertThat(read(settings, Optional.of(new SyncCursor("full", "2020-01-01T00:00:00Z")))
                        .live())
                .hasSize(2);
    }

    @Test
    void ldaps_selfSignedCertificate_refusedByDefaultAcceptedWhenInsecureOrTrusted(@TempDir Path dir) throws Exception {
        user(people, "Ada");
        String ldapsUrl = "ldaps://" + AD.host() + ":" + LDAPS_PORT;

        LdapSourceSettings jvmTrust = settings().url(ldapsUrl).build();
        try (LdapDirectorySource source = new LdapDirectorySource(jvmTrust)) {
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {}))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(ldapsUrl)
                    .hasMessageNotContaining(AD.password());
        }

        LdapSourceSettings insecure =
                settings().url(ldapsUrl).tls(LdapTlsSettings.insecure(null)).build();
        assertThat(read(insecure, Optional.empty()).live()).hasSize(1);

        Path trustStore = trustStoreWithServerCertificate(dir);
        LdapSourceSettings trusted = settings()
                .url(ldapsUrl)
                .tls(LdapTlsSettings.trusting(null, trustStore, "changeit"))
                .build();
        assertThat(read(trusted, Optional.empty()).live()).hasSize(1);

        LdapSourceSettings startTls = settings()
                .tls(LdapTlsSettings.trusting(LdapTlsSettings.Mode.STARTTLS, trustStore, "changeit"))
                .build();
        assertThat(read(startTls, Optional.empty()).live()).hasSize(1);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private LdapSourceSettings.Builder settings() {
        return LdapSourceSettings.builder()
                .url(AD.url())
                .bindDn(AD.bindDn())
                .password(Secret.of(AD.password()))
                .baseDns(List.of(people))
                .pageSize(2)
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(30));
    }

    private static Read read(LdapSourceSettings settings, Optional<SyncCursor> since) {
        List<SourceEntry> entries = new ArrayList<>();
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            SyncCursor cursor = source.read(since, entries::add);
            return new Read(entries, cursor);
        }
    }

    private String user(String ou, String cn) throws LDAPException {
        return user(ou, cn, ENABLED);
    }

    private String user(String ou, String cn, String userAccountControl) throws LDAPException {
        String dn = "CN=" + cn + "," + ou;
        String account = (cn + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        admin.add(new AddRequest(
                dn,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", account.length() > 20 ? account.substring(0, 20) : account),
                new Attribute("userAccountControl", userAccountControl),
                new Attribute("mail", account + "@corp.example.com"),
                new Attribute("mailNickname", account),
                new Attribute("proxyAddresses", "SMTP:" + account + "@corp.example.com")));
        return dn;
    }

    private String group(String cn, String... members) throws LDAPException {
        String dn = "CN=" + cn + "," + testOu;
        admin.add(new AddRequest(
                dn,
                new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", ("g" + UUID.randomUUID()).substring(0, 16)),
                new Attribute("member", members)));
        return dn;
    }

    private static Anchor anchorOf(Read read, String dn) {
        return read.live().stream()
                .filter(e -> e.dn().equalsIgnoreCase(dn))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dn + " was not read"))
                .anchor();
    }

    private static long usn(SyncCursor cursor) {
        return AdUsnCursor.parse(cursor).orElseThrow().dc().highestCommittedUsn();
    }

    /** A PKCS12 trust store holding the certificate the DC presents on its LDAPS port. */
    private static Path trustStoreWithServerCertificate(Path dir) throws GeneralSecurityException, java.io.IOException {
        SSLUtil trustAll = new SSLUtil(new TrustAllTrustManager());
        Certificate[] chain;
        try (SSLSocket socket = (SSLSocket) trustAll.createSSLSocketFactory().createSocket(AD.host(), LDAPS_PORT)) {
            socket.startHandshake();
            chain = socket.getSession().getPeerCertificates();
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("samba-dc", chain[0]);
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    /** What one read delivered, and the cursor it returned. */
    private record Read(List<SourceEntry> all, SyncCursor cursor) {
        List<SourceEntry> live() {
            return all.stream().filter(e -> !e.deleted()).toList();
        }

        List<SourceEntry> deleted() {
            return all.stream().filter(SourceEntry::deleted).toList();
        }
    }
}

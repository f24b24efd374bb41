package dev.dirsync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import dev.dirsync.core.Secret;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.model.SourceEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LDAPS and StartTLS: the server certificate must chain to the configured trust store (by default
 * the JVM's) and name the URL's host; {@code insecure} accepts anything.
 */
class LdapDirectorySourceTlsTest {
    @TempDir
    static Path dir;

    private static InMemoryDirectoryServer server;
    private static InMemoryDirectoryServer otherName;
    private static Path serverKeyStore;
    private static Path otherKeyStore;

    @BeforeAll
    static void startServers() throws Exception {
        serverKeyStore = TlsFixtures.serverKeyStore(dir, "localhost", List.of("127.0.0.1"), List.of("localhost"));
        otherKeyStore = TlsFixtures.serverKeyStore(dir, "other.example.com", List.of(), List.of("other.example.com"));
        server = TlsFixtures.start(serverKeyStore);
        otherName = TlsFixtures.start(otherKeyStore);
    }

    @AfterAll
    static void stopServers() {
        server.shutDown(true);
        otherName.shutDown(true);
    }

    @Test
    void ldaps_untrustedServerCertificate_throwsUnavailableNamingTheUrl() {
        String url = ldaps(server);

        assertRefused(settings(url, LdapTlsSettings.FROM_URL), url);
    }

    @Test
    void ldaps_certificateInAPkcs12TrustStore_isAccepted() throws Exception {
        Path trust = TlsFixtures.trustStore(serverKeyStore, dir.resolve("trust.p12"), "PKCS12");

        LdapTlsSettings tls = LdapTlsSettings.trusting(null, trust, TlsFixtures.TRUST_STORE_PASSWORD);

        assertThat(readAll(settings(ldaps(server), tls)))
                .extracting(SourceEntry::commonName)
                .containsExactly("Tls User");
    }

    @Test
    void ldaps_certificateInAJksTrustStore_isAccepted() throws Exception {
        Path trust = TlsFixtures.trustStore(serverKeyStore, dir.resolve("trust.jks"), "JKS");

        LdapTlsSettings tls = new LdapTlsSettings(
                LdapTlsSettings.Mode.LDAPS, trust, Secret.of(TlsFixtures.TRUST_STORE_PASSWORD), "jks", false);

        assertThat(readAll(settings(ldaps(server), tls))).hasSize(1);
    }

    @Test
    void ldaps_trustedCertificateForAnotherHostName_isRefused() throws Exception {
        Path trust = TlsFixtures.trustStore(otherKeyStore, dir.resolve("other.p12"), "PKCS12");
        String url = ldaps(otherName);

        assertRefused(settings(url, LdapTlsSettings.trusting(null, trust, TlsFixtures.TRUST_STORE_PASSWORD)), url);
    }

    @Test
    void ldaps_insecure_acceptsAnUntrustedCertificateForAnotherHostName() {
        assertThat(readAll(settings(ldaps(otherName), LdapTlsSettings.insecure(null))))
                .hasSize(1);
    }

    @Test
    void startTls_certificateInTheTrustStore_isAcceptedAndJvmTrustRefusesIt() throws Exception {
        Path trust = TlsFixtures.trustStore(serverKeyStore, dir.resolve("starttls.p12"), "PKCS12");
        String url = ldap(server);

        LdapTlsSettings trusted =
                LdapTlsSettings.trusting(LdapTlsSettings.Mode.STARTTLS, trust, TlsFixtures.TRUST_STORE_PASSWORD);
        assertThat(readAll(settings(url, trusted))).hasSize(1);
        assertRefused(settings(url, LdapTlsSettings.of(LdapTlsSettings.Mode.STARTTLS)), url);
    }

    @Test
    void trustStore_wrongPassword_isRefusedNamingTheSettingButNotThePassword() throws Exception {
        Path trust = TlsFixtures.trustStore(serverKeyStore, dir.resolve("locked.p12"), "PKCS12");
        String wrong = "not-the-trust-store-password";
        LdapSourceSettings settings = settings(ldaps(server), LdapTlsSettings.trusting(null, trust, wrong));

        assertThatThrownBy(() -> new LdapDirectorySource(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source.tls.trustStore")
                .hasMessageContaining(trust.toString())
                .hasMessageNotContaining(wrong);
    }

    private static void assertRefused(LdapSourceSettings settings, String url) {
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {}))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(url)
                    .hasMessageNotContaining(TestDirectory.PASSWORD);
        }
    }

    private static LdapSourceSettings settings(String url, LdapTlsSettings tls) {
        return LdapSourceSettings.builder()
                .url(url)
                .bindDn(TestDirectory.BIND_DN)
                .password(Secret.of(TestDirectory.PASSWORD))
                .baseDns(List.of(TestDirectory.BASE))
                .filter("(objectClass=user)")
                .tls(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static List<SourceEntry> readAll(LdapSourceSettings settings) {
        List<SourceEntry> read = new ArrayList<>();
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            source.read(Optional.empty(), read::add);
        }
        return read;
    }

    private static String ldaps(InMemoryDirectoryServer s) {
        return "ldaps://127.0.0.1:" + s.getListenPort("ldaps");
    }

    private static String ldap(InMemoryDirectoryServer s) {
        return "ldap://127.0.0.1:" + s.getListenPort("ldap");
    }
}

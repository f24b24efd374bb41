package dev.dirsync.ldap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.CertException;
import dev.dirsync.core.UnavailableException;
import java.io.File;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ldaps:// trusts the JVM's default trust store only: a self-signed server certificate is refused. */
class LdapDirectorySourceTlsTest {
    private static InMemoryDirectoryServer server;

    @BeforeAll
    static void startLdapsServer() throws LDAPException, CertException, GeneralSecurityException {
        ObjectPair<File, char[]> keyStore =
                SelfSignedCertificateGenerator.generateTemporarySelfSignedCertificate("dirsync-test", "PKCS12");
        SSLUtil serverTls = new SSLUtil(
                new KeyStoreKeyManager(keyStore.getFirst(), keyStore.getSecond(), "PKCS12", null), null);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestDirectory.BASE);
        config.setSchema(null);
        config.addAdditionalBindCredentials(TestDirectory.BIND_DN, TestDirectory.PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(),
                0, serverTls.createSSLServerSocketFactory(), null));
        server = new InMemoryDirectoryServer(config);
        server.startListening();
    }

    @AfterAll
    static void stopLdapsServer() {
        server.shutDown(true);
    }

    @Test
    void read_untrustedServerCertificate_throwsUnavailableNamingTheUrl() {
        String url = "ldaps://127.0.0.1:" + server.getListenPort();
        LdapSourceSettings settings = LdapSourceSettings.of(url, TestDirectory.BIND_DN, TestDirectory.PASSWORD,
                List.of(TestDirectory.BASE)).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> { }))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(url)
                    .hasMessageNotContaining(TestDirectory.PASSWORD);
        }
    }
}

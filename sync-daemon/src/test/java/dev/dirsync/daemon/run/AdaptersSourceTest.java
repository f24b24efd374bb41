package dev.dirsync.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.Secret;
import dev.dirsync.daemon.config.ConfigException;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.LdapTlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code source.*} becomes the LDAP source's settings, and the checks that span several keys. */
class AdaptersSourceTest {
    private static final String TARGET =
            """
            target:
              tenantId: contoso
              clientId: app-1
              clientSecret: s
            """;

    @TempDir
    Path dir;

    private DirsyncConfig load(String source) throws IOException {
        Path file = dir.resolve("dirsync.yaml");
        Files.writeString(file, source + TARGET);
        return new ConfigLoader(Map.of("TS_PW", "trust-pw")).load(file);
    }

    @Test
    void sourceSettings_carryEverySourceKey() throws IOException {
        Files.writeString(dir.resolve("trust.p12"), "x");
        DirsyncConfig config = load(
                """
                source:
                  url: [ldap://dc1.corp.example.com, ldap://dc2.corp.example.com]
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: pw
                  baseDn: OU=Staff,DC=corp,DC=example,DC=com
                  filter: (objectClass=user)
                  pageSize: 200
                  excludedDns: OU=Service,OU=Staff,DC=corp,DC=example,DC=com
                  groupDn: CN=Cloud,OU=Staff,DC=corp,DC=example,DC=com
                  skipDisabled: true
                  tls:
                    mode: starttls
                    trustStore: trust.p12
                    trustStorePassword: ${env:TS_PW}
                    trustStoreType: JKS
                  connectTimeout: PT3S
                  responseTimeout: PT90S
                """);

        LdapSourceSettings settings = config.source();

        assertThat(settings.urls()).containsExactly("ldap://dc1.corp.example.com", "ldap://dc2.corp.example.com");
        assertThat(settings.baseDns()).containsExactly("OU=Staff,DC=corp,DC=example,DC=com");
        assertThat(settings.filter()).isEqualTo("(objectClass=user)");
        assertThat(settings.pageSize()).isEqualTo(200);
        assertThat(settings.excludedDns()).containsExactly("OU=Service,OU=Staff,DC=corp,DC=example,DC=com");
        assertThat(settings.groupDn()).isEqualTo("CN=Cloud,OU=Staff,DC=corp,DC=example,DC=com");
        assertThat(settings.skipDisabled()).isTrue();
        assertThat(settings.tls())
                .isEqualTo(new LdapTlsSettings(
                        LdapTlsSettings.Mode.STARTTLS, dir.resolve("trust.p12"), Secret.of("trust-pw"), "JKS", false));
        assertThat(settings.allowCleartext()).isFalse();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.toString()).doesNotContain("trust-pw");
    }

    @Test
    void sourceSettings_withoutTheNewKeys_readAsTheUrlSays() throws IOException {
        DirsyncConfig config = load(
                """
                source:
                  url: ldaps://dc1.corp.example.com
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: pw
                  baseDn: DC=corp,DC=example,DC=com
                """);

        LdapSourceSettings settings = config.source();

        assertThat(settings.tls()).isEqualTo(LdapTlsSettings.FROM_URL);
        assertThat(settings.connectTimeout()).isEqualTo(LdapSourceSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.responseTimeout()).isEqualTo(LdapSourceSettings.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(settings.excludedDns()).isEmpty();
        assertThat(settings.groupDn()).isNull();
        assertThat(Adapters.sourceKey(config)).isEqualTo("ldaps://dc1.corp.example.com DC=corp,DC=example,DC=com");
    }

    @Test
    void cleartextToARemoteHost_isRefusedUnlessAllowed() throws IOException {
        String source =
                """
                source:
                  url: ldap://dc1.corp.example.com
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: pw
                  baseDn: DC=corp,DC=example,DC=com
                """;

        assertThatThrownBy(() -> Adapters.validate(load(source)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .asString()
                        .startsWith("source.url ldap://dc1.corp.example.com:389 would carry the bind password"
                                + " in cleartext")
                        .contains("source.allowCleartext: true"));
        assertThatCode(() -> Adapters.validate(load(source + "  allowCleartext: true\n")))
                .doesNotThrowAnyException();
        assertThatCode(() -> Adapters.validate(load(source + "  tls:\n    mode: starttls\n")))
                .doesNotThrowAnyException();
    }

    @Test
    void keysThatContradictEachOther_areNamed() throws IOException {
        Files.writeString(dir.resolve("trust.p12"), "x");
        String base =
                """
                source:
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: pw
                  baseDn: OU=Staff,DC=corp,DC=example,DC=com
                """;

        assertThat(problem(base + "  url: ldaps://dc1\n  tls:\n    trustStore: trust.p12\n    insecure: true\n"))
                .startsWith("source.tls.insecure and source.tls.trustStore exclude each other");
        assertThat(problem(base + "  url: ldap://127.0.0.1\n  tls:\n    mode: ldaps\n"))
                .startsWith("source.tls.mode is ldaps but source.url uses ldap://");
        assertThat(problem(base + "  url: ldaps://dc1 ldap://dc2\n"))
                .startsWith("source.url mixes ldap:// and ldaps:// URLs");
        assertThat(problem(base + "  url: ldaps://dc1\n  excludedDns: OU=Other,DC=corp,DC=example,DC=com\n"))
                .startsWith("source.excludedDns[0] 'OU=Other,DC=corp,DC=example,DC=com' is not below any of");
        assertThat(problem(base + "  url: ldaps://dc1\n  groupDn: not a dn\n"))
                .startsWith("source.groupDn is not a valid DN");
    }

    @Test
    void embeddedDirectory_keepsWorking_andRefusesTls() throws IOException {
        Files.writeString(dir.resolve("dir.ldif"), "dn: dc=example,dc=com\nobjectClass: domain\ndc: example\n");
        String source =
                """
                source:
                  url: embedded:dir.ldif
                  bindDn: cn=admin,dc=example,dc=com
                  password: pw
                  baseDn: dc=example,dc=com
                """;

        DirsyncConfig config = load(source);
        assertThatCode(() -> Adapters.validate(config)).doesNotThrowAnyException();
        assertThat(config.source().url()).isEqualTo("embedded:" + dir.resolve("dir.ldif"));
        assertThat(problem(source + "  tls:\n    mode: ldaps\n"))
                .isEqualTo("source.tls does not apply to an embedded: directory");
    }

    private String problem(String source) throws IOException {
        try {
            Adapters.validate(load(source));
        } catch (ConfigException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("expected a configuration problem for:\n" + source);
    }
}

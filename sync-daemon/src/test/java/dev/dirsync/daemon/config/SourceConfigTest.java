package dev.dirsync.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.LdapTlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code source.*} keys for delta, scoping, failover and TLS. */
class SourceConfigTest {
    private static final String TARGET =
            """
            target:
              tenantId: contoso
              clientId: app-1
              clientSecret: s
            """;

    @TempDir
    Path dir;

    private Path write(String source) throws IOException {
        Path file = dir.resolve("dirsync.yaml");
        Files.writeString(file, source + TARGET);
        return file;
    }

    private DirsyncConfig load(String source) throws IOException {
        return new ConfigLoader(Map.of("LDAP_PW", "ldap-pw", "TS_PW", "trust-pw")).load(write(source));
    }

    @Test
    void everySourceKey_loadsTypedValues() throws IOException {
        Files.writeString(dir.resolve("trust.p12"), "not read here");
        LdapSourceSettings source =
                load("""
                source:
                  url:
                    - ldap://dc1.corp.example.com
                    - ldap://dc2.corp.example.com:3890
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: ${env:LDAP_PW}
                  baseDn: OU=Staff,DC=corp,DC=example,DC=com
                  excludedDns:
                    - OU=Service,OU=Staff,DC=corp,DC=example,DC=com
                    - OU=Former,OU=Staff,DC=corp,DC=example,DC=com
                  groupDn: CN=Cloud Users,OU=Groups,DC=corp,DC=example,DC=com
                  skipDisabled: true
                  tls:
                    mode: STARTTLS
                    trustStore: trust.p12
                    trustStorePassword: ${env:TS_PW}
                    trustStoreType: pkcs12
                  allowCleartext: false
                  connectTimeout: PT5S
                  responseTimeout: PT2M
                """)
                        .source();

        assertThat(source.urls()).containsExactly("ldap://dc1.corp.example.com", "ldap://dc2.corp.example.com:3890");
        assertThat(source.url()).isEqualTo("ldap://dc1.corp.example.com ldap://dc2.corp.example.com:3890");
        assertThat(source.excludedDns())
                .containsExactly(
                        "OU=Service,OU=Staff,DC=corp,DC=example,DC=com",
                        "OU=Former,OU=Staff,DC=corp,DC=example,DC=com");
        assertThat(source.groupDn()).isEqualTo("CN=Cloud Users,OU=Groups,DC=corp,DC=example,DC=com");
        assertThat(source.skipDisabled()).isTrue();
        assertThat(source.tls().mode()).isEqualTo(LdapTlsSettings.Mode.STARTTLS);
        assertThat(source.tls().trustStore()).isEqualTo(dir.resolve("trust.p12"));
        assertThat(source.tls().trustStorePassword().reveal()).isEqualTo("trust-pw");
        assertThat(source.tls().trustStoreType()).isEqualTo("PKCS12");
        assertThat(source.tls().insecure()).isFalse();
        assertThat(source.allowCleartext()).isFalse();
        assertThat(source.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(source.responseTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void absentSourceKeys_takeTheirDefaults() throws IOException {
        LdapSourceSettings source =
                load("""
                source:
                  url: ldaps://dc1.corp.example.com
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: pw
                  baseDn: DC=corp,DC=example,DC=com
                """)
                        .source();

        assertThat(source.urls()).containsExactly("ldaps://dc1.corp.example.com");
        assertThat(source.url()).isEqualTo("ldaps://dc1.corp.example.com");
        assertThat(source.excludedDns()).isEmpty();
        assertThat(source.groupDn()).isNull();
        assertThat(source.skipDisabled()).isFalse();
        assertThat(source.tls()).isEqualTo(LdapTlsSettings.FROM_URL);
        assertThat(source.allowCleartext()).isFalse();
        assertThat(source.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(source.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void url_severalInOneValue_areSplitOnSpacesAndCommas() throws IOException {
        LdapSourceSettings source =
                load("""
                source:
                  url: ldaps://dc1:636, ldaps://dc2:636 ldaps://dc3
                  bindDn: svc@corp.example.com
                  password: pw
                  baseDn: DC=corp,DC=example,DC=com
                """)
                        .source();

        assertThat(source.urls()).containsExactly("ldaps://dc1:636", "ldaps://dc2:636", "ldaps://dc3");
        assertThat(source.embedded()).isFalse();
    }

    @Test
    void everyNewKeyProblem_namesItsKeyPath() throws IOException {
        Path file = write(
                """
                source:
                  url: [ldaps://dc1, http://dc2, embedded:dir.ldif]
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: pw
                  baseDn: DC=corp,DC=example,DC=com
                  excludedDns: {OU: Staff}
                  skipDisabled: maybe
                  allowCleartext: 2
                  connectTimeout: 10s
                  responseTimeout: PT0S
                  tls:
                    mode: tls13
                    trustStore: missing.p12
                    trustStoreType: PEM
                    insecure: sometimes
                    verify: true
                """);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "source.url[1]: must start with ldap:// or ldaps://, got 'http://dc2'",
                                "source.url[2]: an embedded: directory cannot be one of several URLs",
                                "source.excludedDns: must be a value or a list of values",
                                "source.skipDisabled: must be true or false, got 'maybe'",
                                "source.allowCleartext: must be true or false, got '2'",
                                "source.connectTimeout: must be an ISO-8601 duration such as PT10S or PT2M, got '10s'",
                                "source.responseTimeout: must be above zero, got PT0S",
                                "source.tls.mode: must be ldaps, starttls or none, got 'tls13'",
                                "source.tls.trustStore: trust store " + dir.resolve("missing.p12") + " cannot be read",
                                "source.tls.trustStoreType: must be PKCS12 or JKS, got 'PEM'",
                                "source.tls.insecure: must be true or false, got 'sometimes'",
                                "source.tls.verify: unknown key (expected one of mode, trustStore, trustStorePassword, "
                                        + "trustStoreType, insecure)"));
    }

    @Test
    void badUrlInOneValue_isNamedByTheKey() throws IOException {
        Path file = write(
                """
                source:
                  url: ldap://dc1 ftp://dc2
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: pw
                  baseDn: DC=corp,DC=example,DC=com
                  tls: starttls
                """);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "source.url: must start with ldap:// or ldaps://, got 'ftp://dc2'",
                                "source.tls: must be a mapping of keys"));
    }

    @Test
    void trustStorePassword_neverAppearsInToString() throws IOException {
        Files.writeString(dir.resolve("trust.jks"), "x");
        DirsyncConfig config = load(
                """
                source:
                  url: ldaps://dc1.corp.example.com
                  bindDn: CN=svc,DC=corp,DC=example,DC=com
                  password: ${env:LDAP_PW}
                  baseDn: DC=corp,DC=example,DC=com
                  tls:
                    trustStore: trust.jks
                    trustStorePassword: ${env:TS_PW}
                """);

        assertThat(config.toString())
                .doesNotContain("trust-pw")
                .doesNotContain("ldap-pw")
                .contains("env:TS_PW");
    }

    @Test
    void embeddedUrl_isStillOneResolvedUrl() throws IOException {
        Files.writeString(dir.resolve("dir.ldif"), "dn: dc=example,dc=com\nobjectClass: domain\ndc: example\n");
        LdapSourceSettings source =
                load("""
                source:
                  url: embedded:dir.ldif
                  bindDn: cn=admin,dc=example,dc=com
                  password: pw
                  baseDn: dc=example,dc=com
                """)
                        .source();

        assertThat(source.urls()).isEqualTo(List.of("embedded:" + dir.resolve("dir.ldif")));
        assertThat(source.embedded()).isTrue();
    }
}

package dev.dirsync.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.PolicyAction;
import dev.dirsync.core.rules.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("dirsync.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String VALID =
            """
            source:
              url: ldaps://dc1.corp.example.com
              bindDn: CN=svc,DC=corp,DC=example,DC=com
              password: ${env:LDAP_PW}
              baseDn:
                - OU=Staff,DC=corp,DC=example,DC=com
                - OU=Ext,DC=corp,DC=example,DC=com
            target:
              tenantId: contoso
              clientId: app-1
              clientSecret: ${file:secret.txt}
            mapping:
              upnSuffix: example.com
              usageLocation: de
            rules:
              profile: dedicated
              verifiedDomains: example.com
              policy:
                Length: warn
                topleveldomain: fix
            """;

    @Test
    void validFile_loadsTypedValues_withDefaultsAndResolvedSecrets() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "s3cr3t-value\n");
        DirsyncConfig config = new ConfigLoader(Map.of("LDAP_PW", "ldap-pw")).load(write(VALID));

        assertThat(config.source().baseDns()).hasSize(2);
        assertThat(config.source().filter()).isEqualTo("(&(objectCategory=person)(objectClass=user))");
        assertThat(config.source().pageSize()).isEqualTo(500);
        assertThat(config.source().password().reveal()).isEqualTo("ldap-pw");
        assertThat(config.target().clientSecret().reveal()).isEqualTo("s3cr3t-value");
        assertThat(config.target().url()).isEqualTo("https://graph.microsoft.com");
        assertThat(config.target().tokenUrl())
                .as("defaulted by the connector from authority and tenant")
                .isNull();
        assertThat(config.mapping().usageLocation()).isEqualTo("DE");
        assertThat(config.rules().profile()).isEqualTo(Profile.DEDICATED);
        assertThat(config.rules().policy())
                .containsEntry(ErrorClass.LENGTH, PolicyAction.WARN)
                .containsEntry(ErrorClass.TOP_LEVEL_DOMAIN, PolicyAction.FIX);
        assertThat(config.report().directory()).isEqualTo(dir.resolve("reports"));
    }

    @Test
    void secrets_neverAppearInToString() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "s3cr3t-value");
        DirsyncConfig config = new ConfigLoader(Map.of("LDAP_PW", "ldap-pw")).load(write(VALID));
        assertThat(config.toString())
                .doesNotContain("s3cr3t-value")
                .doesNotContain("ldap-pw")
                .contains("env:LDAP_PW")
                .contains("file:secret.txt");
    }

    @Test
    void everyProblem_isReportedWithItsKeyPath() throws IOException {
        Path file = write(
                """
                source:
                  url: http://dc1
                  pageSize: zero
                  passwrod: x
                target:
                  type: scim2
                  clientSecret: ${env:MISSING_SECRET}
                rules:
                  policy:
                    Typo: block
                mapping:
                  usageLocation: Germany
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "source.url: must start with ldap://, ldaps:// or embedded:, got 'http://dc1'",
                                        "source.passwrod: unknown key (expected one of url, bindDn, password, baseDn, filter, pageSize, "
                                                + "excludedDns, groupDn, skipDisabled, tls, allowCleartext, connectTimeout, responseTimeout)",
                                        "source.bindDn: is required",
                                        "source.password: is required",
                                        "source.baseDn: is required (one DN or a list)",
                                        "source.pageSize: must be a whole number, got 'zero'",
                                        "target.type: must be graph or scim, got 'scim2'",
                                        "target.tenantId: is required",
                                        "target.clientId: is required",
                                        "target.clientSecret: environment variable MISSING_SECRET is not set",
                                        "target.clientSecret: is empty (from env:MISSING_SECRET)",
                                        "mapping: mapping.usageLocation must be an ISO 3166 alpha-2 country code, got 'Germany'",
                                        "rules.policy.Typo: must name an error class (Blank, Length, Character, Format, TopLevelDomain, "
                                                + "DomainPart, LocalPart, Duplicate, UnverifiedDomain) with block, fix or warn"));
    }

    @Test
    void brokenYaml_namesLineAndColumn() throws IOException {
        Path file = write("source:\n  url: [unclosed\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML at line");
    }

    @Test
    void missingFile_isOneClearProblem() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("nope.yaml: no such file");
    }

    @Test
    void embeddedUrl_resolvesAgainstTheConfigFolder() throws IOException {
        Files.writeString(dir.resolve("dir.ldif"), "dn: dc=example,dc=com\nobjectClass: domain\ndc: example\n");
        DirsyncConfig config = new ConfigLoader(Map.of())
                .load(
                        write(
                                """
                source:
                  url: embedded:dir.ldif
                  bindDn: cn=admin,dc=example,dc=com
                  password: pw
                  baseDn: dc=example,dc=com
                target:
                  tokenUrl: http://127.0.0.1:1/token
                  tenantId: t
                  clientId: a
                  clientSecret: b
                """));
        assertThat(config.source().url()).isEqualTo("embedded:" + dir.resolve("dir.ldif"));
        assertThat(config.source().embedded()).isTrue();
    }
}

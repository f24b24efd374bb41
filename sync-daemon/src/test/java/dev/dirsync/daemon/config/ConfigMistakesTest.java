package dev.dirsync.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.daemon.cli.DirsyncCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes that used to pass silently or leak: each is one problem naming its key (or the file's
 * line and column), never the secret near it, and {@code config validate} reports it.
 */
class ConfigMistakesTest {
    private static final String SOURCE =
            """
            source:
              url: ldaps://dc1.corp.example.com
              bindDn: CN=svc,DC=corp,DC=example,DC=com
              password: pw
              baseDn: DC=corp,DC=example,DC=com
            """;
    private static final String TARGET =
            """
            target:
              tenantId: contoso
              clientId: app-1
              clientSecret: secret
            """;
    private static final String SECRET = "hunter2-very-secret";

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("dirsync.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<String> problems(String yaml, Map<String, String> env) throws IOException {
        Path file = write(yaml);
        try {
            new ConfigLoader(env).load(file);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET);
            return e.problems();
        }
        throw new AssertionError("the configuration loaded");
    }

    @Test
    void duplicatedKey_isNamedWithItsLine() throws IOException {
        assertThat(problems(
                        """
                source:
                  url: ldaps://dc1.corp.example.com
                  password: pw
                  password: %s
                """
                                        .formatted(SECRET)
                                + TARGET,
                        Map.of()))
                .singleElement()
                .asString()
                .startsWith("source.password: duplicate key at line 4");
    }

    @Test
    void duplicatedKey_inAList_isNamedWithItsIndex() throws IOException {
        assertThat(problems("source:\n  baseDn:\n    - a: 1\n      a: 2\n", Map.of()))
                .singleElement()
                .asString()
                .startsWith("source.baseDn[0].a: duplicate key at line 4");
    }

    @Test
    void stateUrl_thatNoStoreSupports_isRefusedAtLoad() throws IOException {
        assertThat(problems(SOURCE + TARGET + "state:\n  url: notjdbc:foo\n", Map.of()))
                .containsExactly("state.url must be a jdbc:h2: or jdbc:postgresql: URL, got 'notjdbc:foo'");
    }

    @Test
    void stateUrl_isShownWithItsPasswordRedacted() throws IOException {
        assertThat(problems(
                        SOURCE + TARGET + "state:\n  url: jdbc:mysql://db/dirsync?user=u&password=" + SECRET + "\n",
                        Map.of()))
                .containsExactly("state.url must be a jdbc:h2: or jdbc:postgresql: URL, got"
                        + " 'jdbc:mysql://db/dirsync?user=u&password=***'");
    }

    @Test
    void stateConfig_printsItsUrlWithoutPassword() {
        StateConfig state =
                new StateConfig("jdbc:postgresql://u:" + SECRET + "@db/dirsync?ssl=true&password=" + SECRET, "u", null);

        assertThat(state.toString()).doesNotContain(SECRET).contains("jdbc:postgresql://***@db/dirsync");
        assertThat(new StateConfig("jdbc:h2:file:./data;USER=sa;PASSWORD=" + SECRET + ";MODE=x", null, null)
                        .displayUrl())
                .isEqualTo("jdbc:h2:file:./data;USER=sa;PASSWORD=***;MODE=x");
    }

    @Test
    void shortOrLowVarietyAdminToken_isRefused_withoutShowingIt() throws IOException {
        String refusal = "admin.token: is too weak: use at least 32 characters with at least 10 different ones"
                + " (e.g. the output of 'openssl rand -base64 32')";
        assertThat(problems(SOURCE + TARGET + "admin:\n  token: abcde\n", Map.of()))
                .containsExactly(refusal);
        assertThat(problems(SOURCE + TARGET + "admin:\n  token: ${env:T}\n", Map.of("T", "ab".repeat(20))))
                .containsExactly(refusal);
    }

    @Test
    void strongAdminToken_isAccepted() throws IOException {
        DirsyncConfig config = new ConfigLoader(Map.of("T", "Zq3vX9kLmP2rT7wYb4nC8dF1gH5jK6sA"))
                .load(write(SOURCE + TARGET + "admin:\n  token: ${env:T}\n"));

        assertThat(config.admin().token().reveal()).hasSize(32);
    }

    @Test
    void yamlSyntaxError_namesLineColumnAndProblem_butNotTheLine() throws IOException {
        assertThat(problems("source:\n  password: " + SECRET + ": oops\n", Map.of()))
                .containsExactly("not valid YAML at line 2, column 32: mapping values are not allowed here");
        assertThat(problems("source:\n  password: \"" + SECRET + "\n", Map.of()))
                .containsExactly(
                        "not valid YAML at line 3, column 1: while scanning a quoted scalar: found unexpected end of stream");
        assertThat(problems("source:\n  password: @" + SECRET + "\n", Map.of()))
                .singleElement()
                .asString()
                .startsWith("not valid YAML at line 2, column 13: ")
                .contains("found character that cannot start any token")
                .doesNotContain("@");
        assertThat(problems("source:\n  password: \"\\q" + SECRET + "\"\n", Map.of()))
                .singleElement()
                .asString()
                .endsWith("found unknown escape character");
    }

    @Test
    void referenceInATypedKey_namesTheKeyAndReference_butNotTheValue() throws IOException {
        String yaml = SOURCE.replace("  password: pw\n", "  password: pw\n  pageSize: ${env:LDAP_PW}\n")
                + TARGET
                + "schedule:\n  staging: ${env:LDAP_PW}\nadmin:\n  port: ${env:PORT}\n";

        assertThat(problems(yaml, Map.of("LDAP_PW", SECRET, "PORT", "99999")))
                .containsExactlyInAnyOrder(
                        "source.pageSize: must be a whole number, got the value of ${env:LDAP_PW} (not shown)",
                        "schedule.staging: must be true or false, got the value of ${env:LDAP_PW} (not shown)",
                        "admin.port: must be between 0 and 65535, got the value of ${env:PORT} (not shown)");
    }

    @Test
    void referenceInATextKeyWithAFormat_isNotShownEither() throws IOException {
        String yaml = SOURCE.replace("ldaps://dc1.corp.example.com", "${env:LDAP_PW}")
                + TARGET
                + "schedule:\n  deltaInterval: ${env:LDAP_PW}\nstate:\n  url: ${env:LDAP_PW}\n";

        assertThat(problems(yaml, Map.of("LDAP_PW", SECRET)))
                .containsExactlyInAnyOrder(
                        "source.url: must start with ldap://, ldaps:// or embedded:, got the value of ${env:LDAP_PW}"
                                + " (not shown)",
                        "schedule.deltaInterval: must be an ISO-8601 duration such as PT30M, got the value of"
                                + " ${env:LDAP_PW} (not shown)",
                        "state.url: must be a jdbc:h2: or jdbc:postgresql: URL, got the value of ${env:LDAP_PW}"
                                + " (not shown)");
    }

    @Test
    void configValidate_reportsEachMistake_onOneLine() throws IOException {
        Path file = write(SOURCE + TARGET + "state:\n  url: notjdbc:foo\nadmin:\n  token: short\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = DirsyncCommand.run(
                new String[] {"config", "validate", "--config", file.toString()},
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .hasSize(2)
                .allMatch(line -> line.startsWith("config error: " + file + ": "))
                .anyMatch(line -> line.contains("state.url must be a jdbc:h2: or jdbc:postgresql: URL"))
                .anyMatch(line -> line.contains("admin.token: is too weak"));
        assertThat(err.toString()).doesNotContain("short\n").doesNotContain("'short'");
    }

    @Test
    void configValidate_reportsADuplicatedKey() throws IOException {
        Path file = write(SOURCE + TARGET + "target:\n  clientSecret: " + SECRET + "\n");
        StringWriter err = new StringWriter();

        int code = DirsyncCommand.run(
                new String[] {"config", "validate", "--config", file.toString()},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("config error: " + file + ": target: duplicate key at line 10")
                .doesNotContain(SECRET);
    }
}

package dev.dirsync.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output, one-line errors and exit codes. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DirsyncCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path config(String targetUrl, String sourceUrl) throws IOException {
        Files.writeString(
                dir.resolve("d.ldif"),
                """
                dn: DC=corp,DC=example,DC=com
                objectClass: top
                objectClass: domain
                dc: corp

                dn: CN=Anna Schmidt,DC=corp,DC=example,DC=com
                objectClass: top
                objectClass: person
                objectClass: organizationalPerson
                objectClass: user
                objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=corp,DC=example,DC=com
                cn: Anna Schmidt
                displayName: Anna Schmidt
                sAMAccountName: anna
                userPrincipalName: anna@example.com
                mail: anna@example.com
                objectGUID:: 8zbwMwTpS0Se9hjgAKbKCg==
                """);
        Path file = dir.resolve("c.yaml");
        Files.writeString(
                file,
                """
                source:
                  url: %s
                  bindDn: CN=dirsync,DC=corp,DC=example,DC=com
                  password: ldap-secret-value
                  baseDn: DC=corp,DC=example,DC=com
                target:
                  url: %s
                  tokenUrl: %s/t/oauth2/v2.0/token
                  tenantId: t
                  clientId: cli
                  clientSecret: cli-secret-value
                """
                        .formatted(sourceUrl, targetUrl, targetUrl));
        return file;
    }

    @Test
    void sync_printsExactlyOneSummaryLine_andExitsZero() throws IOException {
        try (CloudEmulator cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId("cli")
                .clientSecret("cli-secret-value")
                .build())) {
            int code = run(
                    "sync", "--config", config(cloud.url(), "embedded:d.ldif").toString());
            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString().lines().filter(l -> l.startsWith("read=")))
                    .containsExactly("read=1 skipped=0 blocked=0 created=1 updated=0 deleted=0 unchanged=0 failed=0");
        }
    }

    @Test
    void stateLost_theUserTheDirectoryNoLongerHolds_isListed_andAdoptedOnRequest() throws IOException {
        try (CloudEmulator cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId("cli")
                .clientSecret("cli-secret-value")
                .build())) {
            String config = config(cloud.url(), "embedded:d.ldif").toString();
            Files.writeString(
                    dir.resolve("d.ldif"),
                    """

                    dn: CN=Bert Meyer,DC=corp,DC=example,DC=com
                    objectClass: top
                    objectClass: person
                    objectClass: organizationalPerson
                    objectClass: user
                    objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=corp,DC=example,DC=com
                    cn: Bert Meyer
                    displayName: Bert Meyer
                    sAMAccountName: bert
                    userPrincipalName: bert@example.com
                    mail: bert@example.com
                    objectGUID:: 9zbwMwTpS0Se9hjgAKbKCg==
                    """,
                    java.nio.file.StandardOpenOption.APPEND);
            assertThat(run("sync", "--config", config)).isZero();
            try (var files = Files.walk(dir.resolve("data"))) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
            config(cloud.url(), "embedded:d.ldif");

            assertThat(run("sync", "--config", config)).isZero();
            assertThat(run("state", "unmanaged", "--config", config)).isZero();
            assertThat(run("state", "adopt", "--all", "--config", config)).isZero();
            assertThat(run("state", "unmanaged", "--config", config)).isZero();

            assertThat(out.toString())
                    .contains("read=1 skipped=0 blocked=0 created=0 updated=0 deleted=0 unchanged=1 failed=0")
                    .contains("1 unmanaged cloud user(s)")
                    .contains("  bert@example.com [9zbwMwTpS0Se9hjgAKbKCg==]")
                    .contains("adopted bert@example.com [9zbwMwTpS0Se9hjgAKbKCg==]")
                    .contains("0 unmanaged cloud user(s)");
        }
    }

    @Test
    void dryRun_printsPlannedAttributes() throws IOException {
        try (CloudEmulator cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId("cli")
                .clientSecret("cli-secret-value")
                .build())) {
            int code = run(
                    "sync",
                    "--dry-run",
                    "--config",
                    config(cloud.url(), "embedded:d.ldif").toString());
            assertThat(code).isZero();
            assertThat(out.toString())
                    .contains("create anna@example.com [8zbwMwTpS0Se9hjgAKbKCg==]")
                    .contains("    displayName = 'Anna Schmidt'")
                    .contains("dry run: nothing was written");
            assertThat(cloud.users()).isEmpty();
        }
    }

    @Test
    void badConfig_exitsTwo_withOneLinePerProblem() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "source:\n  url: http://x\n");
        int code = run("config", "validate", "--config", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .allMatch(l -> l.startsWith("config error: " + file + ": "))
                .anyMatch(
                        l -> l.endsWith("source.url: must start with ldap://, ldaps:// or embedded:, got 'http://x'"));
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unreachableDirectory_exitsThree_withOneLine_andNoSecret() throws IOException {
        int code = run(
                "sync",
                "--config",
                config("http://127.0.0.1:9", "ldap://127.0.0.1:9").toString());
        assertThat(code).isEqualTo(3);
        assertThat(err.toString().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("error: unavailable: ")
                .contains("127.0.0.1:9");
        assertThat(err.toString() + out).doesNotContain("cli-secret-value").doesNotContain("ldap-secret-value");
    }

    @Test
    void wrongCloudCredentials_exitsThree() throws IOException {
        try (CloudEmulator cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId("cli")
                .clientSecret("another-secret")
                .build())) {
            int code = run(
                    "sync", "--config", config(cloud.url(), "embedded:d.ldif").toString());
            assertThat(code).isEqualTo(3);
            assertThat(err.toString())
                    .startsWith("error: credentials rejected: ")
                    .doesNotContain("cli-secret-value");
        }
    }

    @Test
    void unknownOption_exitsTwo() {
        assertThat(run("sync", "--config", "x.yaml", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }
}

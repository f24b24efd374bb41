package dev.dirsync.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.StateStores;
import dev.dirsync.daemon.run.SyncRunner;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrity guarantees end to end: embedded LDAP -> engine -> Graph adapter -> cloud emulator,
 * with the state in an H2 file that a test can lose.
 */
class EndToEndIntegrityTest {
    private static final String BASE = "DC=corp,DC=example,DC=com";

    @TempDir
    Path dir;

    private CloudEmulator cloud;

    @BeforeEach
    void start() {
        cloud = CloudEmulator.start(EmulatorSettings.builder()
                .storeFile(dir.resolve("cloud.json"))
                .clientId("e2e")
                .clientSecret("e2e-secret")
                .build());
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void misScopedRun_doesNotCreateThePersonBlockedAsADuplicateInTheFullScope() throws IOException {
        writeDirectory(List.of(
                person("Anna", "OU=Sales", "anna", "shared@example.com"),
                person("Bert", "OU=Engineering", "bert", "shared@example.com"),
                person("Cleo", "OU=Engineering", "cleo", "cleo@example.com")));
        RunSummary full = sync(config(BASE));
        assertThat(full.line())
                .isEqualTo("read=3 skipped=0 blocked=1 created=2 updated=0 deleted=0 unchanged=0 failed=0");

        String blockedDn = openErrorDns().get(0);
        String holderDn = blockedDn.startsWith("CN=Anna") ? "CN=Bert,OU=Engineering" : "CN=Anna,OU=Sales";

        RunSummary misScoped = sync(config(blockedDn.substring(blockedDn.indexOf(',') + 1)));
        assertThat(misScoped.deleted())
                .as("the removals of the mis-scoped run are held")
                .isZero();

        assertThat(misScoped.blocked()).isEqualTo(1);
        assertThat(misScoped.created()).isZero();
        assertThat(cloud.users())
                .filteredOn(user -> "shared@example.com".equals(user.get("mail")))
                .hasSize(1);
        try (StateStore state = StateStores.open(config(BASE))) {
            assertThat(state.openErrors()).singleElement().satisfies(error -> assertThat(error.message())
                    .startsWith("mail 'shared@example.com' is already held by " + holderDn));
        }
    }

    private List<String> openErrorDns() throws IOException {
        try (StateStore state = StateStores.open(config(BASE))) {
            return state.openErrors().stream().map(e -> e.dn()).toList();
        }
    }

    @Test
    void lostStateFile_theNextFullRunManagesTheCloudUsersAgain_andRemovalsReachTheCloud() throws IOException {
        writeDirectory(List.of(
                person("Anna", "OU=Sales", "anna", "anna@example.com"),
                person("Bert", "OU=Engineering", "bert", "bert@example.com")));
        DirsyncConfig config = config(BASE, 100);
        assertThat(sync(config).created()).isEqualTo(2);
        try (var files = Files.list(dir.resolve("data"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        RunSummary rebuilt = sync(config);
        assertThat(rebuilt.line())
                .isEqualTo("read=2 skipped=0 blocked=0 created=0 updated=0 deleted=0 unchanged=2 failed=0");

        writeDirectory(List.of(person("Anna", "OU=Sales", "anna", "anna@example.com")));
        RunSummary removing = sync(config);
        assertThat(removing.deleted()).isEqualTo(1);
        assertThat(cloud.users()).hasSize(1);
    }

    private RunSummary sync(DirsyncConfig config) {
        try (StateStore state = StateStores.open(config)) {
            return new SyncRunner(config, state)
                    .run(RunOptions.APPLY, SyncListener.NONE)
                    .summary();
        }
    }

    private DirsyncConfig config(String baseDn) throws IOException {
        return config(baseDn, 10);
    }

    private DirsyncConfig config(String baseDn, int thresholdPercent) throws IOException {
        Path file = dir.resolve("dirsync.yaml");
        Files.writeString(
                file,
                """
                source:
                  url: embedded:directory.ldif
                  bindDn: CN=dirsync,%s
                  password: ldap-pw
                  baseDn: "%s"
                target:
                  url: %s
                  tokenUrl: %s/e2e-tenant/oauth2/v2.0/token
                  tenantId: e2e-tenant
                  clientId: e2e
                  clientSecret: e2e-secret
                state:
                  url: jdbc:h2:file:%s;WRITE_DELAY=0
                removal:
                  threshold: 10
                  thresholdPercent: %d
                """
                        .formatted(
                                BASE,
                                baseDn,
                                cloud.url(),
                                cloud.url(),
                                dir.resolve("data").resolve("state").toAbsolutePath(),
                                thresholdPercent));
        return new ConfigLoader(Map.of()).load(file);
    }

    private void writeDirectory(List<String> people) throws IOException {
        StringBuilder ldif = new StringBuilder("version: 1\n\n");
        ldif.append("dn: ").append(BASE).append("\nobjectClass: top\nobjectClass: domain\ndc: corp\n\n");
        ldif.append("dn: OU=Corp,")
                .append(BASE)
                .append("\nobjectClass: top\nobjectClass: organizationalUnit\n")
                .append("ou: Corp\n\n");
        for (String ou : List.of("Sales", "Engineering")) {
            ldif.append("dn: OU=")
                    .append(ou)
                    .append(",OU=Corp,")
                    .append(BASE)
                    .append("\nobjectClass: top\nobjectClass: organizationalUnit\nou: ")
                    .append(ou)
                    .append("\n\n");
        }
        people.forEach(ldif::append);
        Files.writeString(dir.resolve("directory.ldif"), ldif);
    }

    /** A clean person with a stable objectGUID derived from the account name. */
    private static String person(String name, String ou, String account, String mail) {
        UUID guid = UUID.nameUUIDFromBytes(account.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits());
        return "dn: CN=" + name + "," + ou + ",OU=Corp," + BASE + "\n"
                + "objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\n"
                + "cn: " + name + "\n"
                + "objectCategory: CN=Person,CN=Schema,CN=Configuration," + BASE + "\n"
                + "sAMAccountName: " + account + "\n"
                + "userPrincipalName: " + account + "@example.com\n"
                + "displayName: " + name + "\n"
                + "mail: " + mail + "\n"
                + "userAccountControl: 512\n"
                + "objectGUID:: " + Base64.getEncoder().encodeToString(bytes.array()) + "\n\n";
    }
}

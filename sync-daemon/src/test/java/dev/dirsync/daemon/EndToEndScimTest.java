package dev.dirsync.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.state.InMemoryStateStore;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.demo.DirectoryGenerator;
import dev.dirsync.daemon.run.SyncRunner;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-memory LDAP -> engine -> SCIM connector -> the emulator's SCIM 2.0 endpoint. */
class EndToEndScimTest {
    @TempDir
    Path dir;

    private CloudEmulator cloud;
    private Path ldif;
    private DirsyncConfig config;
    private final InMemoryStateStore state = new InMemoryStateStore();

    @BeforeEach
    void start() throws IOException {
        cloud = CloudEmulator.start(
                EmulatorSettings.builder().scimToken("scim-e2e-token").build());
        ldif = dir.resolve("directory.ldif");
        try (Writer writer = Files.newBufferedWriter(ldif)) {
            DirectoryGenerator.write(writer, 40, 11, false);
        }
        Files.writeString(
                dir.resolve("dirsync.yaml"),
                """
                source:
                  url: embedded:directory.ldif
                  bindDn: CN=dirsync,DC=corp,DC=example,DC=com
                  password: ldap-pw
                  baseDn: OU=Corp,DC=corp,DC=example,DC=com
                target:
                  type: scim
                  url: %s
                  token: ${env:SCIM_TOKEN}
                mapping:
                  usageLocation: DE
                """
                        .formatted(cloud.scimUrl()));
        config = new ConfigLoader(Map.of("SCIM_TOKEN", "scim-e2e-token")).load(dir.resolve("dirsync.yaml"));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private RunSummary sync() {
        return new SyncRunner(config, state)
                .run(RunOptions.APPLY, SyncListener.NONE)
                .summary();
    }

    @Test
    void createsThenWritesNothing_thenPatchesOneChange() throws IOException {
        RunSummary first = sync();
        assertThat(first.failed()).isZero();
        assertThat(first.created()).isGreaterThan(30);
        assertThat(cloud.scimUsers()).hasSize((int) first.created());
        assertThat(cloud.scimUsers())
                .allSatisfy(user -> assertThat(user.get("externalId")).isNotNull());

        RunSummary second = sync();
        assertThat(second.written()).isZero();

        String content = Files.readString(ldif);
        String line = content.lines()
                .filter(l -> l.startsWith("displayName: "))
                .findFirst()
                .orElseThrow();
        Files.writeString(ldif, content.replace(line + "\n", "displayName: Renamed Over SCIM\n"));
        RunSummary third = sync();
        assertThat(third.updated()).isEqualTo(1);
        assertThat(third.created()).isZero();
        assertThat(cloud.scimUsers())
                .anySatisfy(u -> assertThat(u.get("displayName")).isEqualTo("Renamed Over SCIM"));
    }
}

package dev.dirsync.daemon.ad;

import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.StateStores;
import dev.dirsync.daemon.run.SyncRunner;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one scenario of {@link SambaAdSyncIT} runs against, set up afresh for it: its own OU of
 * people on the DC, its own cloud emulator, and a configuration joining them with failover URLs
 * and an H2 state file of its own. {@link #close()} deletes the OU and stops the emulator.
 */
final class AdSyncFixture implements AutoCloseable {
    static final String CLIENT_ID = "ad-it";
    static final String CLIENT_SECRET = "ad-it-secret";

    private final TestAd ad;
    private final Path dir;
    private final int threshold;
    private AdPeople people;
    private CloudEmulator cloud;
    private Path configFile;
    private DirsyncConfig config;

    private AdSyncFixture(TestAd ad, Path dir, int threshold) {
        this.ad = ad;
        this.dir = dir;
        this.threshold = threshold;
    }

    /** Creates {@code count} people and a configuration whose first URL answers nothing. */
    static AdSyncFixture create(TestAd ad, Path dir, int count, int threshold) throws LDAPException, IOException {
        AdSyncFixture fixture = new AdSyncFixture(ad, dir, threshold);
        boolean ready = false;
        try {
            fixture.people = AdPeople.create(ad, count);
            fixture.cloud = CloudEmulator.start(EmulatorSettings.builder()
                    .clientId(CLIENT_ID)
                    .clientSecret(CLIENT_SECRET)
                    .pageSize(EmulatorSettings.MAX_PAGE_SIZE)
                    .build());
            Files.writeString(dir.resolve("ad-password"), ad.password());
            fixture.configFile =
                    fixture.writeConfig("dirsync.yaml", "[ldap://127.0.0.1:" + freePort() + ", " + ad.url() + "]");
            fixture.config = new ConfigLoader(Map.of()).load(fixture.configFile);
            ready = true;
            return fixture;
        } finally {
            if (!ready) {
                fixture.close();
            }
        }
    }

    AdPeople people() {
        return people;
    }

    CloudEmulator cloud() {
        return cloud;
    }

    Path configFile() {
        return configFile;
    }

    DirsyncConfig config() {
        return config;
    }

    RunResult run(RunType type) {
        try (StateStore state = StateStores.open(config)) {
            return new SyncRunner(config, state)
                    .run(new RunOptions(type, false, "cli"), SyncListener.NONE)
                    .result();
        }
    }

    /**
     * A configuration reading {@code url} (one URL, or a YAML list tried in order), scoped by base,
     * excluded OU and group, with the state in an H2 file, no write budget (the emulator is not Graph)
     * and the admin API on a port no daemon uses.
     */
    Path writeConfig(String name, String url) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(
                file,
                """
                source:
                  url: %s
                  bindDn: %s
                  password: ${file:ad-password}
                  baseDn: %s
                  excludedDns:
                    - %s
                  groupDn: %s
                  skipDisabled: true
                  pageSize: 50
                  connectTimeout: PT5S
                  responseTimeout: PT30S
                target:
                  url: %s
                  tokenUrl: %s
                  tenantId: ad-it-tenant
                  clientId: %s
                  clientSecret: %s
                  writeBudget:
                    count: 1000000
                    window: PT1S
                mapping:
                  usageLocation: DE
                removal:
                  threshold: %d
                state:
                  url: jdbc:h2:file:%s
                report:
                  directory: reports
                admin:
                  port: %d
                """
                        .formatted(
                                url,
                                ad.bindDn(),
                                people.people(),
                                people.excluded(),
                                people.group(),
                                cloud.url(),
                                cloud.tokenUrl("ad-it-tenant"),
                                CLIENT_ID,
                                CLIENT_SECRET,
                                threshold,
                                dir.resolve("state").resolve("dirsync"),
                                freePort()));
        return file;
    }

    @Override
    public void close() throws LDAPException {
        try {
            if (cloud != null) {
                cloud.close();
            }
        } finally {
            if (people != null) {
                people.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

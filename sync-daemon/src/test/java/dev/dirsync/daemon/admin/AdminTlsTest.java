package dev.dirsync.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.Secret;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.daemon.config.AdminConfig;
import dev.dirsync.daemon.config.AdminTlsConfig;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.it.DaemonFixture;
import dev.dirsync.daemon.server.Daemon;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With admin.tls the API serves HTTPS only; the commands trust the configured key store's certificate. */
class AdminTlsTest {
    @TempDir
    Path dir;

    @Test
    void httpsWithTheConfiguredKey_andTheTokenFromTheConfiguration() throws Exception {
        Path keyStore = dir.resolve("admin.p12");
        Process keytool = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "admin",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        "store-pass",
                        "-keypass",
                        "store-pass"))
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();

        try (CloudEmulator cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId(DaemonFixture.CLIENT_ID)
                .clientSecret(DaemonFixture.CLIENT_SECRET)
                .build())) {
            DaemonFixture fixture = DaemonFixture.create(dir, 5, cloud.url(), null, null);
            DirsyncConfig loaded = new ConfigLoader(Map.of()).load(fixture.config());
            AdminConfig https = new AdminConfig(
                    "127.0.0.1",
                    fixture.adminPort(),
                    Secret.of("configured-token", "inline"),
                    loaded.admin().tokenFile(),
                    new AdminTlsConfig(keyStore, Secret.of("store-pass", "inline")),
                    false);
            Daemon daemon = Daemon.start(loaded.withAdmin(https));
            try {
                AdminClient client = AdminClient.forConfig(https);
                assertThat(client.baseUrl()).startsWith("https://127.0.0.1:");
                assertThat(client.get("/api/status").status()).isEqualTo(200);

                AdminConfig plain = new AdminConfig(
                        "127.0.0.1",
                        fixture.adminPort(),
                        Secret.of("configured-token", "inline"),
                        loaded.admin().tokenFile(),
                        null,
                        false);
                assertThatThrownBy(() -> AdminClient.forConfig(plain).get("/api/status"))
                        .isInstanceOf(UnavailableException.class);
            } finally {
                daemon.shutdown();
            }
        }
    }
}

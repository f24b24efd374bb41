package dev.dirsync.daemon.it;

import dev.dirsync.daemon.demo.DirectoryGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A daemon's working folder for tests: a generated directory (LDIF), and a configuration pointing
 * at a cloud emulator, with the admin API on a free loopback port.
 */
public final class DaemonFixture {
    public static final String CLIENT_ID = "daemon-test";
    public static final String CLIENT_SECRET = "daemon-test-secret";

    private final Path dir;
    private final int adminPort;
    private final Path config;

    private DaemonFixture(Path dir, int adminPort, Path config) {
        this.dir = dir;
        this.adminPort = adminPort;
        this.config = config;
    }

    /**
     * @param stateUrl null for the default H2 file beside the configuration
     * @param extra more YAML appended to the configuration (e.g. a schedule section)
     */
    public static DaemonFixture create(Path dir, int users, String cloudUrl, String stateUrl, String extra) {
        try {
            Files.createDirectories(dir);
            Path ldif = dir.resolve("directory.ldif");
            try (Writer writer = Files.newBufferedWriter(ldif)) {
                DirectoryGenerator.write(writer, users, 42, false);
            }
            int port = freePort();
            String yaml =
                    """
                    source:
                      url: embedded:directory.ldif
                      bindDn: CN=dirsync,DC=corp,DC=example,DC=com
                      password: test-ldap-password
                      baseDn: DC=corp,DC=example,DC=com
                      pageSize: 50
                    target:
                      url: %1$s
                      tokenUrl: %1$s/test-tenant/oauth2/v2.0/token
                      tenantId: test-tenant
                      clientId: %2$s
                      clientSecret: %3$s
                    mapping:
                      upnSuffix: example.com
                      usageLocation: DE
                    admin:
                      port: %4$d
                    """
                            .formatted(cloudUrl, CLIENT_ID, CLIENT_SECRET, port);
            if (stateUrl != null) {
                yaml += "state:\n  url: " + stateUrl + "\n  user: dirsync\n  password: dirsync\n";
            }
            Path config = dir.resolve("dirsync.yaml");
            Files.writeString(config, yaml + (extra == null ? "" : extra));
            return new DaemonFixture(dir, port, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path config() {
        return config;
    }

    public int adminPort() {
        return adminPort;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    public Path tokenFile() {
        return dir.resolve("data").resolve("admin-token");
    }

    public String token() {
        try {
            return Files.readString(tokenFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

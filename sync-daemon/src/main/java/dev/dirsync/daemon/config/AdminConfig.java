package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code admin.*}: the daemon's operator API.
 *
 * @param bind the address to listen on (loopback by default)
 * @param port the TCP port (0: any free port)
 * @param token the bearer token operators present, or null to use {@code tokenFile}
 * @param tokenFile where the generated token is kept (owner-only), when {@code token} is not set
 * @param tls the HTTPS key store, or null for plain HTTP
 * @param allowInsecureBind lets a non-loopback {@code bind} serve plain HTTP
 */
public record AdminConfig(
        String bind, int port, Secret token, Path tokenFile, AdminTlsConfig tls, boolean allowInsecureBind) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8470;
    public static final String DEFAULT_TOKEN_FILE = "data/admin-token";

    public AdminConfig {
        Objects.requireNonNull(bind, "admin.bind");
        Objects.requireNonNull(tokenFile, "admin.tokenFile");
    }

    /** The defaults, with the token file beside the configuration in {@code configDir}. */
    public static AdminConfig defaults(Path configDir) {
        return new AdminConfig(
                DEFAULT_BIND,
                DEFAULT_PORT,
                null,
                configDir.resolve(DEFAULT_TOKEN_FILE).normalize(),
                null,
                false);
    }

    /** Whether {@code bind} names a loopback address (checked without name lookups for literals). */
    public static boolean isLoopback(String bind) {
        if ("localhost".equalsIgnoreCase(bind)) {
            return true;
        }
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The URL a client on this host uses: a wildcard bind is reached over loopback. */
    public String clientUrl() {
        String host = "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return (tls == null ? "http" : "https") + "://" + host + ":" + port;
    }
}

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
    /** A configured token needs this many characters… */
    public static final int MIN_TOKEN_LENGTH = 32;
    /** …of which this many differ: a repeated character or short pattern is not a token. */
    public static final int MIN_TOKEN_DISTINCT_CHARACTERS = 10;

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

    /**
     * Whether a configured token is hard enough to guess: at least {@link #MIN_TOKEN_LENGTH}
     * characters (code points), at least {@link #MIN_TOKEN_DISTINCT_CHARACTERS} of them different.
     */
    public static boolean strongToken(Secret token) {
        String text = token.reveal();
        return text.codePointCount(0, text.length()) >= MIN_TOKEN_LENGTH
                && text.codePoints().distinct().count() >= MIN_TOKEN_DISTINCT_CHARACTERS;
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

package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code admin.tls.*}: the key store (PKCS12 or JKS) holding the admin API's certificate and key.
 *
 * @param password the key store's password (also the key's)
 */
public record AdminTlsConfig(Path keyStore, Secret password) {
    public AdminTlsConfig {
        Objects.requireNonNull(keyStore, "admin.tls.keyStore");
        Objects.requireNonNull(password, "admin.tls.password");
    }
}

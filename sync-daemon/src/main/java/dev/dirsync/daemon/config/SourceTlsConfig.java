package dev.dirsync.daemon.config;

import dev.dirsync.ldap.LdapTlsSettings;
import java.nio.file.Path;

/**
 * {@code source.tls.*}: how the source protects its connections. Prints its password redacted.
 *
 * @param mode {@code ldaps}, {@code starttls} or {@code none}; null means as the URL's scheme says
 * @param trustStore the PKCS12 or JKS file of certificates to trust (resolved against the
 *     configuration's folder); null means the JVM's trust store
 * @param trustStorePassword its password; null when it has none
 * @param trustStoreType {@code PKCS12} or {@code JKS}; null means the file's own format
 * @param insecure accept any certificate and host name (labs only)
 */
public record SourceTlsConfig(LdapTlsSettings.Mode mode, Path trustStore, Secret trustStorePassword,
                              String trustStoreType, boolean insecure) {

    /** Nothing set: TLS as the URL says, trusting the JVM's trust store. */
    public static final SourceTlsConfig DEFAULTS = new SourceTlsConfig(null, null, null, null, false);
}

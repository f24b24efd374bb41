package dev.dirsync.ldap;

import dev.dirsync.core.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the source protects its connections ({@code source.tls.*}). Validated on construction,
 * without connecting.
 *
 * @param mode {@code ldaps}, {@code starttls} or {@code none}; null means "as the URL says"
 *     ({@code ldaps://} is {@link Mode#LDAPS}, {@code ldap://} is {@link Mode#NONE})
 * @param trustStore a PKCS12 or JKS file holding the certificates to trust; null means the JVM's
 *     default trust store. Server certificates are checked against it and their host name against
 *     the URL's host
 * @param trustStorePassword the trust store's password; may be null (no integrity check)
 * @param trustStoreType {@code PKCS12} or {@code JKS}; null means the file's own format (either is read)
 * @param insecure accept any server certificate and host name (labs only: warned about at every
 *     start); excludes {@code trustStore}
 */
public record LdapTlsSettings(
        Mode mode, Path trustStore, Secret trustStorePassword, String trustStoreType, boolean insecure) {

    /** TLS as the URL scheme says, trusting the JVM's default trust store. */
    public static final LdapTlsSettings FROM_URL = new LdapTlsSettings(null, null, null, null, false);

    /** How a connection is protected. */
    public enum Mode {
        /** TLS from the first byte ({@code ldaps://}, port 636 by default). */
        LDAPS,
        /** Plain LDAP upgraded with the StartTLS extended operation before the bind. */
        STARTTLS,
        /** No TLS: the bind password crosses the network in cleartext. */
        NONE;

        /** The configuration spelling: {@code ldaps}, {@code starttls}, {@code none}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @throws IllegalArgumentException naming {@code source.tls.mode} for any other text
         */
        public static Mode parse(String text) {
            if (text != null) {
                for (Mode mode : values()) {
                    if (mode.configName().equalsIgnoreCase(text.trim())) {
                        return mode;
                    }
                }
            }
            throw new IllegalArgumentException("source.tls.mode must be ldaps, starttls or none, got '" + text + "'");
        }
    }

    public LdapTlsSettings {
        if (trustStore != null) {
            if (insecure) {
                throw new IllegalArgumentException(
                        "source.tls.insecure and source.tls.trustStore exclude each other: insecure trusts any certificate");
            }
            if (!Files.isRegularFile(trustStore) || !Files.isReadable(trustStore)) {
                throw new IllegalArgumentException("source.tls.trustStore '" + trustStore + "' is not a readable file");
            }
        } else if (trustStorePassword != null || trustStoreType != null) {
            throw new IllegalArgumentException(
                    "source.tls.trustStorePassword and source.tls.trustStoreType need source.tls.trustStore");
        }
        if (trustStoreType != null) {
            String type = trustStoreType.trim().toUpperCase(Locale.ROOT);
            if (!type.equals("PKCS12") && !type.equals("JKS")) {
                throw new IllegalArgumentException(
                        "source.tls.trustStoreType must be PKCS12 or JKS, got '" + trustStoreType + "'");
            }
            trustStoreType = type;
        }
        if (mode == Mode.NONE && (trustStore != null || insecure)) {
            throw new IllegalArgumentException("source.tls.trustStore and source.tls.insecure need source.tls.mode "
                    + "ldaps or starttls, not none");
        }
    }

    /** TLS in the given mode, trusting the JVM's default trust store. */
    public static LdapTlsSettings of(Mode mode) {
        return new LdapTlsSettings(mode, null, null, null, false);
    }

    /** TLS in the given mode (null: as the URL says), trusting only the certificates in {@code trustStore}. */
    public static LdapTlsSettings trusting(Mode mode, Path trustStore, String password) {
        return new LdapTlsSettings(mode, trustStore, password == null ? null : Secret.of(password), null, false);
    }

    /** TLS in the given mode (null: as the URL says) that accepts any certificate: for labs only. */
    public static LdapTlsSettings insecure(Mode mode) {
        return new LdapTlsSettings(mode, null, null, null, true);
    }

    /** The mode in force for URLs of the given scheme. */
    public Mode effectiveMode(boolean ldapsUrls) {
        if (mode != null) {
            return mode;
        }
        return ldapsUrls ? Mode.LDAPS : Mode.NONE;
    }
}

package dev.dirsync.ldap;

import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.ldap.internal.EmbeddedDirectorySource;
import dev.dirsync.ldap.internal.SourceAddress;

/** Opens the {@link DirectorySource} that {@link LdapSourceSettings#url()} names. */
public final class LdapDirectorySources {
    private LdapDirectorySources() {}

    /**
     * For {@code ldap://} and {@code ldaps://}, an {@link LdapDirectorySource} (which connects on its
     * first read). For {@code embedded:PATH.ldif}, starts an embedded directory loaded from the file
     * that accepts the settings' bind DN and password, and returns a source reading it; closing the
     * source stops the directory.
     *
     * @throws IllegalArgumentException when the LDIF file is missing, unreadable or invalid (naming
     *     the file, and the line of a syntax error)
     */
    public static DirectorySource open(LdapSourceSettings settings) {
        if (SourceAddress.parseList(settings.url()).get(0) instanceof SourceAddress.Embedded embedded) {
            return EmbeddedDirectorySource.start(settings, embedded.ldifFile(), LdapDirectorySource::new);
        }
        return new LdapDirectorySource(settings);
    }
}

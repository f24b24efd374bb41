package dev.dirsync.ldap.internal;

import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.ReadResult;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.embedded.EmbeddedDirectory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** A network source reading its own {@link EmbeddedDirectory}; closing it stops the directory. */
public final class EmbeddedDirectorySource implements DirectorySource {
    private final Path ldifFile;
    private final EmbeddedDirectory directory;
    private final DirectorySource source;

    private EmbeddedDirectorySource(Path ldifFile, EmbeddedDirectory directory, DirectorySource source) {
        this.ldifFile = ldifFile;
        this.directory = directory;
        this.source = source;
    }

    /**
     * Starts a directory from {@code ldifFile} that accepts the settings' bind DN and password, and
     * a source made by {@code network} that reads it with the settings' bases, filter and paging.
     */
    public static EmbeddedDirectorySource start(
            LdapSourceSettings settings, Path ldifFile, Function<LdapSourceSettings, DirectorySource> network) {
        EmbeddedDirectory directory = EmbeddedDirectory.builder()
                .ldifFile(ldifFile)
                .bindCredentials(settings.bindDn(), settings.password())
                .start();
        boolean started = false;
        try {
            EmbeddedDirectorySource embedded = new EmbeddedDirectorySource(
                    ldifFile, directory, network.apply(settings.withUrl(directory.ldapUrl())));
            started = true;
            return embedded;
        } finally {
            if (!started) {
                directory.close();
            }
        }
    }

    /** The URL the embedded directory listens on. */
    public String ldapUrl() {
        return directory.ldapUrl();
    }

    @Override
    public SyncCursor read(Optional<SyncCursor> since, EntryHandler handler) {
        return source.read(since, handler);
    }

    @Override
    public ReadResult readFrom(Optional<SyncCursor> since, EntryHandler handler) {
        return source.readFrom(since, handler);
    }

    @Override
    public String describe() {
        return SourceAddress.EMBEDDED_PREFIX + ldifFile + " (" + source.describe() + ")";
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            directory.close();
        }
    }
}

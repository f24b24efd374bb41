package dev.dirsync.ldap.internal;

import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.CurrentValues;
import dev.dirsync.core.fix.FixableAttribute;
import dev.dirsync.core.fix.WriteResult;
import dev.dirsync.core.port.DirectoryWriter;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.embedded.EmbeddedDirectory;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A network writer writing to its own {@link EmbeddedDirectory}. The directory lives
 * in memory: changes last until the writer is closed and never reach the LDIF file.
 */
public final class EmbeddedDirectoryWriter implements DirectoryWriter {
    private final Path ldifFile;
    private final EmbeddedDirectory directory;
    private final DirectoryWriter writer;

    private EmbeddedDirectoryWriter(Path ldifFile, EmbeddedDirectory directory, DirectoryWriter writer) {
        this.ldifFile = ldifFile;
        this.directory = directory;
        this.writer = writer;
    }

    /**
     * Starts a directory from {@code ldifFile} that accepts the settings' bind DN and password, and
     * a writer to it made by {@code network} from the settings with the directory's URL.
     */
    public static EmbeddedDirectoryWriter start(
            LdapSourceSettings settings, Path ldifFile, Function<LdapSourceSettings, DirectoryWriter> network) {
        EmbeddedDirectory directory = EmbeddedDirectory.builder()
                .ldifFile(ldifFile)
                .bindCredentials(settings.bindDn(), settings.password())
                .start();
        boolean started = false;
        try {
            EmbeddedDirectoryWriter embedded = new EmbeddedDirectoryWriter(
                    ldifFile, directory, network.apply(settings.withUrl(directory.ldapUrl())));
            started = true;
            return embedded;
        } finally {
            if (!started) {
                directory.close();
            }
        }
    }

    @Override
    public CurrentValues read(String dn, FixableAttribute attribute) {
        return writer.read(dn, attribute);
    }

    @Override
    public WriteResult apply(AttributeChange change) {
        return writer.apply(change);
    }

    @Override
    public String describe() {
        return SourceAddress.EMBEDDED_PREFIX + ldifFile + " (in memory, " + writer.describe() + ")";
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }
}

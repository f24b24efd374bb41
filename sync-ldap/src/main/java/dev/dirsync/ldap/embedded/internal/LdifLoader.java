package dev.dirsync.ldap.embedded.internal;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Loads LDIF into an in-memory directory. Every failure is one {@link IllegalArgumentException}
 * naming the input, with the line number for a syntax error.
 */
public final class LdifLoader {
    private LdifLoader() {}

    /** The DN of the first entry: the base DN of a directory built from this input. */
    public static DN firstEntryDn(LdifInput input) {
        try (LDIFReader reader = new LDIFReader(input.open())) {
            Entry first = reader.readEntry();
            if (first == null) {
                throw new IllegalArgumentException(input.describe() + " holds no entries, so it names no base DN");
            }
            return first.getParsedDN();
        } catch (LDIFException e) {
            throw syntaxError(input, e);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(
                    input.describe() + ": the first entry's DN is not valid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(input, e);
        }
    }

    /** Replaces the server's content with the input's entries; all or nothing. */
    public static void replaceContent(InMemoryDirectoryServer server, LdifInput input) {
        try (LDIFReader reader = new LDIFReader(input.open())) {
            server.importFromLDIF(true, reader);
        } catch (LDAPException e) {
            if (e.getCause() instanceof LDIFException syntax) {
                throw syntaxError(input, syntax);
            }
            if (e.getCause() instanceof IOException io) {
                throw unreadable(input, io);
            }
            String detail = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
            throw new IllegalArgumentException(input.describe() + " cannot be loaded: " + detail, e);
        } catch (IOException e) {
            throw unreadable(input, e);
        }
    }

    private static IllegalArgumentException syntaxError(LdifInput input, LDIFException e) {
        return new IllegalArgumentException(
                input.describe() + " is not valid LDIF at or near line " + e.getLineNumber() + ": " + e.getMessage(),
                e);
    }

    private static IllegalArgumentException unreadable(LdifInput input, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IllegalArgumentException(input.describe() + " does not exist", e);
        }
        if (e instanceof AccessDeniedException) {
            return new IllegalArgumentException(input.describe() + " is not readable (access denied)", e);
        }
        return new IllegalArgumentException(input.describe() + " cannot be read: " + e.getMessage(), e);
    }
}

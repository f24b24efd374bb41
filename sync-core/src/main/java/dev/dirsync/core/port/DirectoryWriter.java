package dev.dirsync.core.port;

import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.CurrentValues;
import dev.dirsync.core.fix.FixableAttribute;
import dev.dirsync.core.fix.WriteResult;

/**
 * Writes fixes to the directory, one attribute of one object at a time. One object's problem is a
 * result, never an exception; only losing the directory altogether throws.
 */
public interface DirectoryWriter extends AutoCloseable {

    /**
     * Re-reads the current values of {@code attribute} of the object {@code dn}.
     *
     * @throws dev.dirsync.core.UnavailableException when the directory cannot be reached or stops answering
     * @throws dev.dirsync.core.CredentialsRejectedException when the bind is refused
     */
    CurrentValues read(String dn, FixableAttribute attribute);

    /**
     * Sends {@code change} as one modify that the directory makes only if the change's precondition
     * still holds when it arrives: {@link WriteResult.Status#SKIPPED} when it no longer does (or the
     * object is gone), {@link WriteResult.Status#FAILED} when the directory refuses the change.
     *
     * @throws dev.dirsync.core.UnavailableException when the directory cannot be reached or stops
     *     answering; whether the change was made is then unknown
     * @throws dev.dirsync.core.CredentialsRejectedException when the bind is refused
     */
    WriteResult apply(AttributeChange change);

    /** A short description for logs: the URL, never credentials. */
    String describe();

    @Override
    void close();
}

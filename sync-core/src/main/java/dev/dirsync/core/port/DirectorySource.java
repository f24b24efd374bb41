package dev.dirsync.core.port;

import java.util.Optional;

/**
 * Reads people from a directory, streaming. Implementations hold their own scope settings (bases,
 * filter) and connection.
 */
public interface DirectorySource extends AutoCloseable {

    /**
     * Streams every in-scope entry (a full read, when {@code since} is empty) or the changes since
     * {@code since} to {@code handler}, one at a time, never collecting them.
     *
     * @return the cursor that a later delta read starts from; the caller stores it only after the
     *     run's changes were exported
     * @throws dev.dirsync.core.UnavailableException when the directory cannot be reached or stops
     *     answering; a read that threw did not complete and must not yield removals
     * @throws dev.dirsync.core.CredentialsRejectedException when the bind is refused
     */
    SyncCursor read(Optional<SyncCursor> since, EntryHandler handler);

    /**
     * As {@link #read}, also saying whether the read was full. A source that may fall back from a
     * delta to a full read must override this; the default takes any read given a cursor as a delta.
     */
    default ReadResult readFrom(Optional<SyncCursor> since, EntryHandler handler) {
        return new ReadResult(read(since, handler), since.isEmpty());
    }

    /** A short description for logs: the URL and base, never credentials. */
    String describe();

    @Override
    void close();
}

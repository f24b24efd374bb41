package dev.dirsync.core.port;

/**
 * Everything dirsync remembers between runs, for the wiring that opens and closes it in one
 * place; the parts of the engine depend on the narrow port they use. Every method is its own
 * transaction unless stated; an implementation must survive the process being killed at any
 * point without losing a write that returned.
 */
public interface StateStore
        extends CursorStore,
                ObjectStore,
                RunLog,
                RemovalQueue,
                UniquenessIndex,
                UnmanagedUsers,
                ThrottleDeadlines,
                AutoCloseable {

    @Override
    void close();
}

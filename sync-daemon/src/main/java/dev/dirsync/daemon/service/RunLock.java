package dev.dirsync.daemon.service;

import java.util.function.BooleanSupplier;

/**
 * Makes runs exclusive beyond this process: daemons sharing one state database take it before a
 * run. Within one process the {@link RunCoordinator} already runs one run at a time.
 */
public interface RunLock {
    /** For a state store only this process uses. */
    RunLock LOCAL = giveUp -> () -> {};

    /**
     * Waits until this daemon holds the lock.
     *
     * @param giveUp asked while waiting; when true the wait ends without the lock
     * @return the held lock, or null when {@code giveUp} ended the wait
     */
    Held acquire(BooleanSupplier giveUp);

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}

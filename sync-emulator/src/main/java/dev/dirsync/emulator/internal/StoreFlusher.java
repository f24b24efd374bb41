package dev.dirsync.emulator.internal;

import dev.dirsync.emulator.EmulatorStoreException;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the store to its file at most once a second, and only after it changed, so a burst of
 * thousands of writes costs one file write per second rather than one per user.
 */
public final class StoreFlusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFlusher.class);

    private final TenantStore store;
    private final StoreFile file;
    private final ScheduledExecutorService scheduler;
    private long writtenVersion;

    public StoreFlusher(TenantStore store, StoreFile file) {
        this.store = store;
        this.file = file;
        this.writtenVersion = store.snapshot().version();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cloud-emulator-flusher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::flushInBackground, 1, 1, TimeUnit.SECONDS);
    }

    /** Writes the file now if the store changed since the last write. */
    public synchronized void flush() {
        TenantStore.Snapshot snapshot = store.snapshot();
        if (snapshot.version() == writtenVersion) {
            return;
        }
        try {
            file.write(snapshot);
        } catch (IOException e) {
            throw new EmulatorStoreException(file.path(), "cannot be written: " + e, e);
        }
        writtenVersion = snapshot.version();
    }

    /** Stops the background writes and writes what is left. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    /** A failed background write is retried on the next tick; the store keeps every change. */
    private void flushInBackground() {
        try {
            flush();
        } catch (EmulatorStoreException e) {
            LOG.warn("{} (will retry)", e.getMessage());
        }
    }
}

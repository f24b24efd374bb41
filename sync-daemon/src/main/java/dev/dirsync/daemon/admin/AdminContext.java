package dev.dirsync.daemon.admin;

import dev.dirsync.core.port.StateStore;
import dev.dirsync.daemon.service.RunCoordinator;
import dev.dirsync.daemon.service.RunMetrics;
import dev.dirsync.daemon.service.SyncScheduler;
import java.nio.file.Path;

/** What the admin API reads and drives. */
public record AdminContext(
        RunCoordinator coordinator,
        StateStore state,
        SyncScheduler scheduler,
        RunMetrics metrics,
        Path reportDirectory) {}

package dev.dirsync.daemon.fix;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where an applying run writes its undo and result files. */
record FixFiles(Path undo, Path result) {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The files asked for, else {@code fix-undo-<timestamp>.ldif} and {@code fix-result-<timestamp>.csv}
     * (UTC, e.g. {@code 20250102T030405Z}) in {@code directory}.
     */
    static FixFiles resolve(Path directory, Instant now, Path undo, Path result) {
        String stamp = STAMP.format(now);
        return new FixFiles(
                undo != null ? undo : directory.resolve("fix-undo-" + stamp + ".ldif"),
                result != null ? result : directory.resolve("fix-result-" + stamp + ".csv"));
    }
}

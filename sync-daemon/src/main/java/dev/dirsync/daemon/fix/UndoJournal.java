package dev.dirsync.daemon.fix;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.fix.AttributeChange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The undo file: before each change is sent, the change that reverses it is appended as an LDIF
 * {@code changetype: modify} record and forced to disk, so every change that may have reached the
 * directory can be undone even if the run is cut short. Records are in the order the changes were
 * sent; replaying applies them last to first. The file is created on the first record; an existing
 * file is appended to.
 */
final class UndoJournal implements AutoCloseable {
    static final String HEADER =
            """
            version: 1
            # dirsync fix undo file. Each record reverses one change dirsync fix made, in the order the
            # changes were made; replay restores the values exactly. Replay it with
            #   dirsync fix --config FILE --undo THIS-FILE --apply
            # which applies the records last to first and skips any whose values changed since.
            """;

    private final Path file;
    private final String origin;
    private final Clock clock;
    private FileChannel channel;
    private int records;

    /** @param origin what the rows are lines of, for the records' comments (e.g. the report's file name) */
    UndoJournal(Path file, String origin, Clock clock) {
        this.file = file;
        this.origin = origin;
        this.clock = clock;
    }

    /**
     * Appends {@code inverse} and forces it to disk.
     *
     * @throws DirsyncException when the record cannot be written: the change must not be sent
     */
    void append(AttributeChange inverse, int row) {
        String record = "\n"
                + comment("reverses line " + row + " of " + origin + ", changed "
                        + clock.instant().truncatedTo(ChronoUnit.SECONDS))
                + "\n" + UndoLdif.modifyRecord(inverse);
        try {
            if (channel == null) {
                open();
            }
            write(record);
            channel.force(true);
            records++;
        } catch (IOException e) {
            throw new DirsyncException(
                    "cannot write the undo file " + file + " (the change to '" + inverse.dn() + "' was not made): "
                            + e.getMessage(),
                    e);
        }
    }

    /** Whether any record was written (and so the file exists). */
    boolean written() {
        return records > 0;
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new DirsyncException("cannot close the undo file " + file + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean created = !Files.exists(file);
        channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (channel.size() == 0) {
            write(HEADER);
        }
        if (created) {
            channel.force(true);
            syncDirectory(parent);
        }
    }

    /**
     * Makes a new file's directory entry durable too (POSIX); platforms that cannot open a
     * directory for this (Windows) make it durable with the file.
     */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // the platform does not sync directories this way; the file itself was forced
        }
    }

    /** A comment line of printable ASCII only, so the file stays 7-bit outside base64 values. */
    private static String comment(String text) {
        return "# " + text.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}

package dev.dirsync.emulator;

import java.nio.file.Path;

/** The emulator's store file cannot be read or written. The message names the file. */
public final class EmulatorStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public EmulatorStoreException(Path file, String problem, Throwable cause) {
        super("Cloud emulator store " + file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

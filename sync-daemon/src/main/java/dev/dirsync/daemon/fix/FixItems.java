package dev.dirsync.daemon.fix;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The work of one {@code dirsync fix} run, read from its input file. */
public interface FixItems {

    /**
     * Reads the whole input once and checks it, so that a malformed input stops the run before
     * anything is changed.
     *
     * @return the number of items
     * @throws dev.dirsync.core.DirsyncException naming the file and line of the first problem
     */
    int validate();

    /** Hands every item over, in the order they are to be applied. */
    void forEach(Consumer<FixItem> each);

    /** The input file. */
    Path file();

    /** The input's file name, for messages and the undo file's comments. */
    default String name() {
        return String.valueOf(file().getFileName());
    }
}

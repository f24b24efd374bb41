package dev.dirsync.daemon.fix;

import dev.dirsync.core.fix.FixPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The records of an undo file, last first: the file lists reversing changes in the order the
 * original changes were made, so replaying it backwards undoes the latest change first and restores
 * every value exactly, even when several changes touched the same attribute.
 */
public final class UndoItems implements FixItems {
    private final Path file;
    private List<UndoRecord> records;

    public UndoItems(Path file) {
        this.file = file;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int validate() {
        records = UndoFileReader.read(file);
        return records.size();
    }

    @Override
    public void forEach(Consumer<FixItem> each) {
        if (records == null) {
            validate();
        }
        for (int i = records.size() - 1; i >= 0; i--) {
            UndoRecord record = records.get(i);
            each.accept(new FixItem(
                    record.line(),
                    record.dn(),
                    record.attribute(),
                    FixPlanner.replay(record.dn(), record.attribute(), record.changes())));
        }
    }
}

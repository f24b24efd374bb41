package dev.dirsync.core.state;

/** A full run reads everything (and detects removals); a delta run reads changes since the cursor. */
public enum RunType {
    FULL,
    DELTA;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

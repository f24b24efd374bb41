package dev.dirsync.core.port;

import java.util.Objects;

/**
 * Opaque position in a source's change stream (for example a USN watermark with the DC's identity).
 * Only the source that issued it interprets {@code value}.
 */
public record SyncCursor(String kind, String value) {
    public SyncCursor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}

package dev.dirsync.core.fix;

import java.util.List;
import java.util.Objects;

/** What re-reading one attribute of one object found. */
public sealed interface CurrentValues {

    /** The object exists; {@code values} are the attribute's values (empty when it has none). */
    record Found(List<String> values) implements CurrentValues {
        public Found {
            values = List.copyOf(values);
        }
    }

    /** No object has the DN (deleted, renamed or moved since). */
    record NoObject() implements CurrentValues {}

    /** The object may not or cannot be read: an invalid DN, outside the configured bases, access refused. */
    record Refused(String reason) implements CurrentValues {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package dev.dirsync.core.rules.internal;

import dev.dirsync.core.model.ObjectKind;
import dev.dirsync.core.model.SourceEntry;
import java.util.List;

/** The object under check, with the look-ups its rules make. */
record CheckedEntry(SourceEntry entry, ObjectKind kind) {

    static CheckedEntry of(SourceEntry entry) {
        return new CheckedEntry(entry, entry.kind());
    }

    String first(String attribute) {
        return entry.attributes().firstOrNull(attribute);
    }

    List<String> all(String attribute) {
        return entry.attributes().all(attribute);
    }

    String commonName() {
        return entry.commonName();
    }

    boolean isUser() {
        return kind.isUser();
    }
}

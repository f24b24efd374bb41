package dev.dirsync.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The summary line of a counts object from the admin API. */
final class Counts {
    private static final String[] NAMES = {
        "read", "skipped", "blocked", "created", "updated", "deleted", "unchanged", "failed"
    };

    private Counts() {}

    static String line(JsonNode counts) {
        StringBuilder line = new StringBuilder();
        for (String name : NAMES) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(name).append('=').append(counts.path(name).asLong());
        }
        return line.toString();
    }
}

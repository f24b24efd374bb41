package dev.dirsync.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** One run from the admin API as a line of text; a dry run's status is marked {@code *} (planned). */
final class RunLines {
    private RunLines() {}

    static String row(JsonNode run) {
        String trigger = run.path("trigger").asText()
                + (run.hasNonNull("node") ? "@" + run.path("node").asText() : "");
        return String.format(
                "%5d  %-5s  %-9s  %-27s  %-28s  %s%s",
                run.path("id").asLong(),
                run.path("type").asText(),
                run.path("status").asText() + ("planned".equals(run.path("mode").asText()) ? "*" : ""),
                trigger,
                run.path("started").asText(),
                run.path("summary").asText(),
                run.hasNonNull("note") ? "  (" + run.path("note").asText() + ")" : "");
    }
}

package dev.dirsync.daemon.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Who asked for a run, as stored in the run history's trigger text:
 * {@code KIND[ at SCHEDULED-FIRE-TIME][ on NODE]}, e.g. {@code schedule at 2025-01-01T03:00:00Z on
 * host-4711}. The scheduled fire time tells the slots of a schedule apart; the node tells which
 * daemon of a cluster ran it.
 *
 * @param kind "schedule", "operator" or "cli"
 * @param scheduledFor the slot a scheduled run is for; null otherwise
 * @param node the daemon that ran it; null when unknown
 */
public record TriggerText(String kind, Instant scheduledFor, String node) {
    public static final String SCHEDULE = "schedule";
    public static final String OPERATOR = "operator";

    public TriggerText {
        Objects.requireNonNull(kind, "kind");
    }

    public String format() {
        return kind + (scheduledFor == null ? "" : " at " + scheduledFor) + (node == null ? "" : " on " + node);
    }

    /** Reads any stored trigger text; text in another form becomes the kind. */
    public static TriggerText parse(String text) {
        String rest = text.strip();
        String node = null;
        int on = rest.lastIndexOf(" on ");
        if (on > 0) {
            node = rest.substring(on + 4).strip();
            rest = rest.substring(0, on);
        }
        Instant at = null;
        int atIndex = rest.indexOf(" at ");
        if (atIndex > 0) {
            try {
                at = Instant.parse(rest.substring(atIndex + 4).strip());
                rest = rest.substring(0, atIndex);
            } catch (DateTimeParseException e) {
                at = null;
            }
        }
        return new TriggerText(rest, at, node);
    }
}

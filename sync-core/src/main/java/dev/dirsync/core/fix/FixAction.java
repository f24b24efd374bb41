package dev.dirsync.core.fix;

import java.util.Locale;

/** What an admin approved for one cleanup report row (its ACTION column). */
public enum FixAction {
    /** Write the UPDATE value in place of VALUE. */
    EDIT,
    /** Remove VALUE. */
    REMOVE,
    /** The row is dealt with; nothing is written. */
    COMPLETE;

    /**
     * Parses an ACTION cell, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the accepted words when the text is none of them
     */
    public static FixAction parse(String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (FixAction action : values()) {
            if (action.name().equals(word)) {
                return action;
            }
        }
        throw new IllegalArgumentException("ACTION must be EDIT, REMOVE, COMPLETE or empty, got '" + text + "'");
    }
}

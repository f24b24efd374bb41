package dev.dirsync.core.rules;

/** The PROPOSEDACTION (and ACTION) column of the cleanup report. */
public enum ProposedAction {
    /** Replace the value with the suggested one. */
    EDIT,
    /** Remove the value (a proxyAddresses value that is a duplicate or cannot be fixed). */
    REMOVE,
    /** Nothing can be proposed; the admin must decide. */
    COMPLETE
}

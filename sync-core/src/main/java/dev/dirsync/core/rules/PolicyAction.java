package dev.dirsync.core.rules;

/** What a sync run does with an object that has a finding of some class. */
public enum PolicyAction {
    /** The object is not exported. */
    BLOCK,
    /** The suggested value is exported (never written back to the directory by a sync run). */
    FIX,
    /** The value is exported as it is. */
    WARN
}

package dev.dirsync.ldap.internal;

/** Which read a source makes, decided from the cursor it was given and the server it reached. */
public sealed interface ReadPlan {

    /** Everything in scope; {@code reason} says why no delta (logged). */
    record Full(String reason) implements ReadPlan {}

    /** Active Directory changes since a USN watermark on the same DC. */
    record AdDelta(AdUsnCursor since) implements ReadPlan {}

    /** Entries modified since a server time (servers other than AD; no deletions). */
    record TimestampDelta(ModifyTimestampCursor since) implements ReadPlan {}
}

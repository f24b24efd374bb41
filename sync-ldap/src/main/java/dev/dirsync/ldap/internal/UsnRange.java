package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Filter;

/**
 * The changes a delta read covers on one domain controller: uSNChanged above the stored watermark
 * and at most the highestCommittedUSN read before the searches. Changes committed during the read
 * fall outside it and come with the next delta, so every search of one read sees the same span.
 */
public record UsnRange(long after, long upTo) {
    public UsnRange {
        if (upTo < after) {
            throw new IllegalArgumentException("uSNChanged range ends (" + upTo + ") before it starts (" + after + ")");
        }
    }

    public boolean empty() {
        return upTo == after;
    }

    /** {@code (&(uSNChanged>=after+1)(uSNChanged<=upTo))}. */
    public Filter filter() {
        return Filter.createANDFilter(
                Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(after + 1)),
                Filter.createLessOrEqualFilter("uSNChanged", Long.toString(upTo)));
    }
}

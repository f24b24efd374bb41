package dev.dirsync.ldap.internal;

/** What one read (or one search of it) delivered, for the summary line; unanchored entries count in live or deleted too. */
public record ReadStats(long live, long deleted, long unanchored, long references, long requests) {
    public static final ReadStats NONE = new ReadStats(0, 0, 0, 0, 0);

    static ReadStats of(StreamingListener listener, boolean deleted, int requests) {
        return new ReadStats(
                deleted ? 0 : listener.delivered(),
                deleted ? listener.delivered() : 0,
                listener.unanchored(),
                listener.references(),
                requests);
    }

    public ReadStats plus(ReadStats other) {
        return new ReadStats(
                live + other.live,
                deleted + other.deleted,
                unanchored + other.unanchored,
                references + other.references,
                requests + other.requests);
    }
}

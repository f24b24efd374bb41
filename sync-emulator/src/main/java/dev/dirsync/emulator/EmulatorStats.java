package dev.dirsync.emulator;

/**
 * Request counts since the emulator started or since {@link CloudEmulator#resetStats()}.
 *
 * @param tokenRequests requests to the token endpoint, granted or not
 * @param reads answered {@code GET} requests on users, groups and contacts (each page of a list counts
 *     once)
 * @param creates users created
 * @param updates {@code PATCH} requests applied
 * @param deletes users deleted
 * @param rejected writes refused with a 4xx other than 429 (invalid, conflicting, not found)
 * @param throttled requests answered with 429
 */
public record EmulatorStats(
        long tokenRequests, long reads, long creates, long updates, long deletes, long rejected, long throttled) {

    /** Writes that changed the store: creates, updates and deletes. */
    public long writes() {
        return creates + updates + deletes;
    }
}

package dev.dirsync.cloud.scim.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits operations, in order, into bulk requests that respect the service's maxOperations and
 * maxPayloadSize (RFC 7644 section 3.7.4), measured on the exact bytes that will be sent: the
 * envelope, the operations and the commas between them.
 */
public final class BulkChunks {
    private BulkChunks() {}

    /**
     * Consecutive runs of {@code sizes} (bytes of each serialised operation). An operation that does
     * not fit a request even alone forms a chunk of its own; the caller sends it without /Bulk.
     *
     * @return lists of indexes into {@code sizes}
     */
    public static List<List<Integer>> split(int[] sizes, int envelopeBytes, int maxOperations, long maxPayload) {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long bytes = envelopeBytes;
        for (int i = 0; i < sizes.length; i++) {
            long added = sizes[i] + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && (current.size() >= maxOperations || bytes + added > maxPayload)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = envelopeBytes;
                added = sizes[i];
            }
            current.add(i);
            bytes += added;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Whether one operation alone exceeds the payload limit. */
    public static boolean oversized(int size, int envelopeBytes, long maxPayload) {
        return envelopeBytes + (long) size > maxPayload;
    }
}

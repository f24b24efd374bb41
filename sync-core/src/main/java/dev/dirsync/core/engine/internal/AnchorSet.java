package dev.dirsync.core.engine.internal;

import dev.dirsync.core.model.Anchor;

/**
 * The anchors a full read returned, as 64-bit hashes in an open-addressing table: about 16 bytes
 * per anchor. A hash collision can only make a removed object look present (a missed removal,
 * retried on the next full run), never the reverse.
 */
public final class AnchorSet {
    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 12];
    private int size;

    public void add(Anchor anchor) {
        long key = hash(anchor);
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, key)) {
            size++;
        }
    }

    public boolean contains(Anchor anchor) {
        long key = hash(anchor);
        int mask = slots.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                return false;
            }
            if (slots[i] == key) {
                return true;
            }
        }
    }

    public int size() {
        return size;
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = key;
                return true;
            }
            if (table[i] == key) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long key : slots) {
            if (key != EMPTY) {
                insert(bigger, key);
            }
        }
        slots = bigger;
    }

    private static int index(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** FNV-1a over the anchor text; never 0 (the empty marker). */
    static long hash(Anchor anchor) {
        String text = anchor.value();
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash == EMPTY ? 1 : hash;
    }
}

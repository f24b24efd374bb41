package dev.dirsync.core.rules.internal;

/**
 * An open-addressing (linear probing) map from long to non-negative int, in two flat arrays: about
 * 12 bytes per slot and no object per entry. Not thread-safe.
 */
final class LongIntHashMap {
    /** Returned for an absent key; never a value. */
    static final int MISSING = -1;

    private static final float MAX_LOAD = 0.75f;
    /** Stands in for key 0, which marks a free slot. */
    private static final long ZERO_KEY = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] values;
    private int size;
    private int shift;
    private int resizeAt;

    LongIntHashMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expectedSize / MAX_LOAD)) - 1) << 1;
        allocate(capacity);
    }

    int size() {
        return size;
    }

    int get(long key) {
        long k = key == 0 ? ZERO_KEY : key;
        int mask = keys.length - 1;
        for (int slot = slot(k); ; slot = (slot + 1) & mask) {
            long found = keys[slot];
            if (found == k) {
                return values[slot];
            }
            if (found == 0) {
                return MISSING;
            }
        }
    }

    /** Maps {@code key} to {@code value} unless it is mapped; returns the earlier value, or MISSING. */
    int putIfAbsent(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must not be negative: " + value);
        }
        long k = key == 0 ? ZERO_KEY : key;
        int mask = keys.length - 1;
        for (int slot = slot(k); ; slot = (slot + 1) & mask) {
            long found = keys[slot];
            if (found == k) {
                return values[slot];
            }
            if (found == 0) {
                keys[slot] = k;
                values[slot] = value;
                if (++size > resizeAt) {
                    grow();
                }
                return MISSING;
            }
        }
    }

    /** Fibonacci hashing: the high bits of key times the golden ratio. */
    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = (int) (capacity * MAX_LOAD);
    }

    private void grow() {
        if (keys.length >= 1 << 30) {
            throw new IllegalStateException("duplicate index full: " + size + " values");
        }
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length << 1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k != 0) {
                int slot = slot(k);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
    }
}

package dev.dirsync.core.rules.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinguished names by ordinal (0, 1, 2, ...), kept as UTF-8 in 1 MiB chunks rather than as
 * String objects. Not thread-safe.
 */
final class DnStore {
    private static final int CHUNK_SIZE = 1 << 20;

    private byte[][] chunks = new byte[4][];
    private int chunkCount;
    private int chunkUsed;
    /** Per ordinal: chunk index in the high half, offset in the low half. */
    private long[] positions = new long[1024];

    private int[] lengths = new int[1024];
    private int size;

    int size() {
        return size;
    }

    /** Stores {@code dn}; returns its ordinal. */
    int add(String dn) {
        byte[] bytes = dn.getBytes(StandardCharsets.UTF_8);
        if (chunkCount == 0 || chunkUsed + bytes.length > chunks[chunkCount - 1].length) {
            newChunk(bytes.length);
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        byte[] chunk = chunks[chunkCount - 1];
        System.arraycopy(bytes, 0, chunk, chunkUsed, bytes.length);
        positions[size] = ((long) (chunkCount - 1) << 32) | chunkUsed;
        lengths[size] = bytes.length;
        chunkUsed += bytes.length;
        return size++;
    }

    String get(int ordinal) {
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("no DN #" + ordinal + " (" + size + " stored)");
        }
        long position = positions[ordinal];
        return new String(chunks[(int) (position >>> 32)], (int) position, lengths[ordinal], StandardCharsets.UTF_8);
    }

    /** A DN longer than a chunk gets a chunk of its own size. */
    private void newChunk(int atLeast) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = new byte[Math.max(CHUNK_SIZE, atLeast)];
        chunkUsed = 0;
    }
}

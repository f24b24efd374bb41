package dev.dirsync.cloud.scim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkChunksTest {

    @Test
    void split_byMaxOperations() {
        assertThat(BulkChunks.split(new int[] {10, 10, 10, 10, 10}, 50, 2, 10_000))
                .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
    }

    @Test
    void split_byPayload_countingEnvelopeAndCommas() {
        // envelope 50 + 20 + 1 + 20 = 91 fits 91; a third operation would need 112.
        assertThat(BulkChunks.split(new int[] {20, 20, 20}, 50, 100, 91)).containsExactly(List.of(0, 1), List.of(2));
        assertThat(BulkChunks.split(new int[] {20, 20}, 50, 100, 90)).containsExactly(List.of(0), List.of(1));
    }

    @Test
    void split_anOversizedOperationStandsAlone() {
        assertThat(BulkChunks.split(new int[] {10, 500, 10, 10}, 50, 100, 200))
                .containsExactly(List.of(0), List.of(1), List.of(2, 3));
        assertThat(BulkChunks.oversized(500, 50, 200)).isTrue();
        assertThat(BulkChunks.oversized(150, 50, 200)).isFalse();
    }

    @Test
    void split_nothing() {
        assertThat(BulkChunks.split(new int[0], 50, 10, 1000)).isEmpty();
    }
}

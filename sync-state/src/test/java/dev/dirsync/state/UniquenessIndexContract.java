package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.anchor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.port.UniquenessIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UniquenessIndex}: which managed object holds each unique value; the
 * first holder keeps it. Implemented by the test class of each store, which supplies a fresh,
 * empty store per test.
 */
interface UniquenessIndexContract {
    UniquenessIndex uniqueness();

    @Test
    default void holders_nothingRecorded_isEmpty() {
        assertThat(uniqueness().holders(new long[] {1, 2})).isEmpty();
    }

    @Test
    default void replaceKeys_thenHolders_namesTheHolderOfEachKeyAsked() {
        uniqueness().replaceKeys(anchor(1), new long[] {10, 11});
        uniqueness().replaceKeys(anchor(2), new long[] {20});

        assertThat(uniqueness().holders(new long[] {10, 20, 30})).isEqualTo(Map.of(10L, anchor(1), 20L, anchor(2)));
    }

    @Test
    default void replaceKeys_again_dropsTheKeysNoLongerHeld() {
        uniqueness().replaceKeys(anchor(1), new long[] {10, 11});
        uniqueness().replaceKeys(anchor(1), new long[] {11, 12});

        assertThat(uniqueness().holders(new long[] {10, 11, 12})).isEqualTo(Map.of(11L, anchor(1), 12L, anchor(1)));
    }

    @Test
    default void replaceKeys_aKeyAnotherObjectHolds_staysWithTheFirstHolder() {
        uniqueness().replaceKeys(anchor(1), new long[] {10});
        uniqueness().replaceKeys(anchor(2), new long[] {10, -20});

        assertThat(uniqueness().holders(new long[] {10, -20})).isEqualTo(Map.of(10L, anchor(1), -20L, anchor(2)));
    }

    @Test
    default void removeKeys_freesTheValuesForOthers() {
        uniqueness().replaceKeys(anchor(1), new long[] {10});
        uniqueness().removeKeys(anchor(1));
        uniqueness().replaceKeys(anchor(2), new long[] {10});

        assertThat(uniqueness().holders(new long[] {10})).isEqualTo(Map.of(10L, anchor(2)));
    }
}

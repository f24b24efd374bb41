package dev.dirsync.core.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntHashMapTest {

    @Test
    void putIfAbsent_newKey_returnsMissingAndStores() {
        LongIntHashMap map = new LongIntHashMap(4);

        assertThat(map.putIfAbsent(42L, 7)).isEqualTo(LongIntHashMap.MISSING);
        assertThat(map.get(42L)).isEqualTo(7);
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void putIfAbsent_knownKey_keepsTheFirstValue() {
        LongIntHashMap map = new LongIntHashMap(4);
        map.putIfAbsent(42L, 7);

        assertThat(map.putIfAbsent(42L, 8)).isEqualTo(7);
        assertThat(map.get(42L)).isEqualTo(7);
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void keyZero_isAnOrdinaryKey() {
        LongIntHashMap map = new LongIntHashMap(4);

        assertThat(map.get(0L)).isEqualTo(LongIntHashMap.MISSING);
        map.putIfAbsent(0L, 3);

        assertThat(map.get(0L)).isEqualTo(3);
    }

    @Test
    void negativeValue_rejected() {
        assertThatThrownBy(() -> new LongIntHashMap(4).putIfAbsent(1L, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyKeys_growingPastTheInitialCapacity_agreeWithHashMap() {
        LongIntHashMap map = new LongIntHashMap(16);
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(150_000) * 0x10000L;
            Integer previous = expected.putIfAbsent(key, i);
            assertThat(map.putIfAbsent(key, i)).isEqualTo(previous == null ? LongIntHashMap.MISSING : previous);
        }

        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        assertThat(map.get(1L)).isEqualTo(LongIntHashMap.MISSING);
    }
}

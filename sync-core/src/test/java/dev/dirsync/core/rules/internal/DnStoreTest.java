package dev.dirsync.core.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DnStoreTest {

    @Test
    void add_returnsOrdinalsInOrder_andGetRoundTrips() {
        DnStore store = new DnStore();

        int first = store.add("CN=Jöhn Müller,OU=People,DC=contoso,DC=com");
        int second = store.add("CN=株式会社,DC=contoso,DC=jp");

        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
        assertThat(store.get(first)).isEqualTo("CN=Jöhn Müller,OU=People,DC=contoso,DC=com");
        assertThat(store.get(second)).isEqualTo("CN=株式会社,DC=contoso,DC=jp");
    }

    @Test
    void manyDns_spanningChunks_allKept() {
        DnStore store = new DnStore();
        for (int i = 0; i < 100_000; i++) {
            store.add("CN=User " + i + ",OU=People,DC=contoso,DC=com");
        }

        assertThat(store.size()).isEqualTo(100_000);
        assertThat(store.get(0)).isEqualTo("CN=User 0,OU=People,DC=contoso,DC=com");
        assertThat(store.get(99_999)).isEqualTo("CN=User 99999,OU=People,DC=contoso,DC=com");
    }

    @Test
    void dnLongerThanAChunk_kept() {
        DnStore store = new DnStore();
        store.add("CN=a");
        String huge = "CN=" + "x".repeat(1 << 21);

        int ordinal = store.add(huge);
        int after = store.add("CN=b");

        assertThat(store.get(ordinal)).isEqualTo(huge);
        assertThat(store.get(after)).isEqualTo("CN=b");
    }

    @Test
    void get_unknownOrdinal_rejected() {
        assertThatThrownBy(() -> new DnStore().get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}

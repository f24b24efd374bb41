package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.port.ObjectStore;
import dev.dirsync.core.state.SyncedObject;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.dirsync.core.port.ObjectStore}: the managed objects.
 * Implemented by the test class of each store, which supplies a fresh, empty store per test.
 */
interface ObjectStoreContract {
    /** How many threads may write at once (the pool size of a JDBC store). */
    int concurrentWriters();

    ObjectStore objects();

    /** Fills the store with objects 0 .. count-1 using several writers at once. */
    void insertObjects(int count) throws InterruptedException;

    @Test
    default void saveObject_disabled_roundTrips() {
        SyncedObject plain = object(1);
        SyncedObject disabled = new SyncedObject(plain.anchor(), plain.cloudId(), plain.dn(), plain.digests(), true);

        objects().saveObject(disabled);

        assertThat(objects().object(plain.anchor()))
                .hasValueSatisfying(o -> assertThat(o.disabled()).isTrue());
        objects().saveObject(plain);
        assertThat(objects().object(plain.anchor())).contains(plain);
    }

    @Test
    default void saveObject_thenObject_returnsItWithEveryDigestBit() {
        long[] digests = {Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 1L, 0xcbf29ce484222325L, 42L, -42L, 7L};
        SyncedObject saved = new SyncedObject(anchor(1), "cloud-1", "CN=Ann Lee,OU=Staff,DC=corp,DC=example", digests);

        objects().saveObject(saved);

        SyncedObject read = objects().object(anchor(1)).orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.digests()).containsExactly(digests);
    }

    @Test
    default void object_unknownAnchor_isEmpty() {
        assertThat(objects().object(anchor(404))).isEmpty();
    }

    @Test
    default void saveObject_sameAnchor_replacesIt() {
        objects().saveObject(object(1));
        SyncedObject moved = new SyncedObject(anchor(1), "cloud-1", "CN=Ann Lee,OU=Moved,DC=corp", digests(99));

        objects().saveObject(moved);

        assertThat(objects().object(anchor(1))).contains(moved);
        assertThat(objects().objectCount()).isEqualTo(1);
    }

    @Test
    default void saveObject_withoutDn_keepsTheNull() {
        SyncedObject noDn = new SyncedObject(anchor(3), "cloud-3", null, digests(3));

        objects().saveObject(noDn);

        assertThat(objects().object(anchor(3))).contains(noDn);
    }

    @Test
    default void objectCount_countsTheManagedObjects() {
        assertThat(objects().objectCount()).isZero();
        for (int i = 0; i < 5; i++) {
            objects().saveObject(object(i));
        }
        objects().removeObject(anchor(0));

        assertThat(objects().objectCount()).isEqualTo(4);
    }

    @Test
    default void forEachObject_streams50000Objects_eachOnceAndIntact() throws Exception {
        insertObjects(MANY_OBJECTS);
        AtomicLong seen = new AtomicLong();
        AtomicLong anchorSum = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();

        objects().forEachObject(object -> {
            int i = indexOf(object.anchor());
            seen.incrementAndGet();
            anchorSum.addAndGet(i);
            if (!object.equals(object(i))) {
                mismatches.incrementAndGet();
            }
        });

        assertThat(seen.get()).isEqualTo(MANY_OBJECTS);
        assertThat(anchorSum.get()).isEqualTo((long) MANY_OBJECTS * (MANY_OBJECTS - 1) / 2);
        assertThat(mismatches.get()).isZero();
        assertThat(objects().objectCount()).isEqualTo(MANY_OBJECTS);
    }

    @Test
    default void forEachObject_handlerThrows_exceptionPassesThroughAndStoreStaysUsable() {
        for (int i = 0; i < 10; i++) {
            objects().saveObject(object(i));
        }
        AtomicLong seen = new AtomicLong();

        assertThatThrownBy(() -> objects().forEachObject(object -> {
                    if (seen.incrementAndGet() == 3) {
                        throw new IllegalStateException("handler stops");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("handler stops");

        for (int round = 0; round < concurrentWriters() + 1; round++) {
            objects().saveObject(object(100 + round));
            assertThat(objects().objectCount()).isEqualTo(11 + round);
        }
    }

    @Test
    default void forEachObject_emptyStore_callsNothing() {
        objects().forEachObject(object -> {
            throw new AssertionError("no object expected, got " + object);
        });
    }
}

package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.anchor;
import static dev.dirsync.state.StateFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.port.ObjectStore;
import dev.dirsync.core.port.UnmanagedUsers;
import dev.dirsync.core.state.SyncedObject;
import dev.dirsync.core.state.UnmanagedUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UnmanagedUsers}: anchored cloud users the state does not know, kept for
 * an operator to adopt. Implemented by the test class of each store, which supplies a fresh, empty
 * store per test.
 */
interface UnmanagedUsersContract {
    UnmanagedUsers unmanaged();

    ObjectStore objects();

    @Test
    default void replaceUnmanaged_replacesTheList_sortedByUserPrincipalName() {
        unmanaged().replaceUnmanaged(List.of(unmanagedUser(1, "zed@example.com")));
        unmanaged().replaceUnmanaged(List.of(unmanagedUser(2, "bo@example.com"), unmanagedUser(3, "al@example.com")));

        assertThat(unmanaged().unmanagedUsers())
                .containsExactly(unmanagedUser(3, "al@example.com"), unmanagedUser(2, "bo@example.com"));
    }

    @Test
    default void adopt_makesTheUserManaged_andTakesItOffTheList() {
        unmanaged().replaceUnmanaged(List.of(unmanagedUser(1, "al@example.com"), unmanagedUser(2, "bo@example.com")));

        assertThat(unmanaged().adopt(anchor(1))).contains(unmanagedUser(1, "al@example.com"));

        assertThat(objects().object(anchor(1)))
                .contains(unmanagedUser(1, "al@example.com").object());
        assertThat(unmanaged().unmanagedUsers()).containsExactly(unmanagedUser(2, "bo@example.com"));
    }

    @Test
    default void adopt_anAnchorNotListed_changesNothing() {
        assertThat(unmanaged().adopt(anchor(7))).isEmpty();
        assertThat(objects().objectCount()).isZero();
    }

    private static UnmanagedUser unmanagedUser(int i, String upn) {
        SyncedObject listed = object(i);
        return new UnmanagedUser(new SyncedObject(listed.anchor(), listed.cloudId(), null, listed.digests()), upn);
    }
}

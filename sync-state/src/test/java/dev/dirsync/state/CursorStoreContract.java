package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.port.CursorStore;
import dev.dirsync.core.port.SyncCursor;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.dirsync.core.port.CursorStore}: where each source's delta read starts.
 * Implemented by the test class of each store, which supplies a fresh, empty store per test.
 */
interface CursorStoreContract {
    CursorStore cursors();

    @Test
    default void cursor_neverSaved_isEmpty() {
        assertThat(cursors().cursor("ldap://dc1/dc=corp")).isEmpty();
    }

    @Test
    default void saveCursor_thenCursor_returnsItForThatSourceOnly() {
        cursors().saveCursor("ldap://dc1/dc=corp", new SyncCursor("usn", "dc1:4711"));
        cursors().saveCursor("ldap://dc2/dc=corp", new SyncCursor("usn", "dc2:17"));

        assertThat(cursors().cursor("ldap://dc1/dc=corp")).contains(new SyncCursor("usn", "dc1:4711"));
        assertThat(cursors().cursor("ldap://dc2/dc=corp")).contains(new SyncCursor("usn", "dc2:17"));
    }

    @Test
    default void saveCursor_again_replacesIt() {
        cursors().saveCursor("src", new SyncCursor("usn", "1"));
        cursors().saveCursor("src", new SyncCursor("dirsync-cookie", "AAEC"));

        assertThat(cursors().cursor("src")).contains(new SyncCursor("dirsync-cookie", "AAEC"));
    }

    @Test
    default void clearCursor_forgetsOnlyThatSource() {
        cursors().saveCursor("a", new SyncCursor("usn", "1"));
        cursors().saveCursor("b", new SyncCursor("usn", "2"));

        cursors().clearCursor("a");
        cursors().clearCursor("never-saved");

        assertThat(cursors().cursor("a")).isEmpty();
        assertThat(cursors().cursor("b")).contains(new SyncCursor("usn", "2"));
    }
}

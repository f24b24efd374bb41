package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.port.CursorStore;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunType;
import dev.dirsync.core.state.SyncedObject;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

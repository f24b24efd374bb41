package dev.dirsync.state;

import static dev.dirsync.state.StateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JdbcStateStore} database must show: each port's contract and what
 * the database itself adds, run once per database by a subclass that supplies a fresh, empty
 * database for each test.
 */
abstract class StateStoreContract
        implements CursorStoreContract,
                ObjectStoreContract,
                RunLogContract,
                RemovalQueueContract,
                ThrottleDeadlinesContract,
                UniquenessIndexContract,
                UnmanagedUsersContract {

    StateStoreSettings settings;
    JdbcStateStore store;

    /** Settings of a fresh, empty database (file, or schema) for one test. */
    protected abstract StateStoreSettings newSettings() throws Exception;

    /** Removes what {@link #newSettings()} made, after the store is closed. */
    protected void cleanUp() throws Exception {}

    @BeforeEach
    void openStore() throws Exception {
        settings = newSettings();
        store = JdbcStateStore.open(settings);
    }

    @Override
    public StateStore cursors() {
        return store;
    }

    @Override
    public StateStore objects() {
        return store;
    }

    @Override
    public StateStore runs() {
        return store;
    }

    @Override
    public StateStore removals() {
        return store;
    }

    @Override
    public StateStore throttleDeadlines() {
        return store;
    }

    @Override
    public StateStore uniqueness() {
        return store;
    }

    @Override
    public StateStore unmanaged() {
        return store;
    }

    @Override
    public int concurrentWriters() {
        return settings.poolSize();
    }

    @Override
    public String storeName() {
        return settings.displayUrl();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        cleanUp();
    }

    // --- the database itself --------------------------------------------------------------------

    @Test
    void everything_survivesCloseAndReopen() {
        store.saveCursor("src", new SyncCursor("usn", "4711"));
        store.saveObject(object(1));
        RunRecord run = store.beginRun(RunType.FULL, "cli");
        store.finishRun(run.id(), RunStatus.PARTIAL, summary(4), "1 failed");
        store.recordError(error(1, run.id(), "retryable"));
        store.replacePendingRemovals(List.of(removal(2, run.id()), removal(3, run.id())));
        store.approveRemovals(Optional.empty());
        store.close();

        store = JdbcStateStore.open(settings);

        assertThat(store.cursor("src")).contains(new SyncCursor("usn", "4711"));
        assertThat(store.object(anchor(1))).contains(object(1));
        RunRecord reread = store.run(run.id()).orElseThrow();
        assertThat(reread.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(reread.summary()).isEqualTo(summary(4));
        assertThat(store.errors(run.id()))
                .singleElement()
                .extracting(ObjectError::anchor)
                .isEqualTo(anchor(1));
        assertThat(store.openErrors()).hasSize(1);
        assertThat(store.approvedRemovals()).containsExactlyInAnyOrder(removal(2, run.id()), removal(3, run.id()));
        assertThat(store.beginRun(RunType.DELTA, "cli").id()).isGreaterThan(run.id());
    }

    @Test
    void dataSource_reachesTheStoresTables() throws Exception {
        store.saveObject(object(1));
        store.saveObject(object(2));

        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM synced_object");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(2);
        }
    }

    @Test
    void toString_namesTheUrlOnly() {
        assertThat(store.toString()).isEqualTo("JdbcStateStore[" + settings.displayUrl() + "]");
    }

    @Test
    void afterClose_callsFailNamingTheUrl() {
        store.close();

        assertThatThrownBy(() -> store.objectCount())
                .isInstanceOf(DirsyncException.class)
                .hasMessageContaining("state store " + settings.displayUrl() + ": count objects failed");
    }

    // --- fixtures -------------------------------------------------------------------------------

    /** Fills the store with objects 0 .. count-1 using several writers at once. */
    @Override
    public void insertObjects(int count) throws InterruptedException {
        int writers = settings.poolSize();
        Thread[] threads = new Thread[writers];
        RuntimeException[] failures = new RuntimeException[writers];
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads[w] = new Thread(
                    () -> {
                        try {
                            for (int i = writer; i < count; i += writers) {
                                store.saveObject(object(i));
                            }
                        } catch (RuntimeException e) {
                            failures[writer] = e;
                        }
                    },
                    "writer-" + w);
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }
}

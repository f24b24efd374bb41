package dev.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.engine.RunSummary;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.port.SyncCursor;
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
 * The behaviour every {@link JdbcStateStore} database must show, run once per database by a
 * subclass that supplies a fresh, empty database for each test.
 */
abstract class StateStoreContract {
    static final int MANY_OBJECTS = 50_000;
    private static final int FIELDS = MailUserField.values().length;

    StateStoreSettings settings;
    JdbcStateStore store;

    /** Settings of a fresh, empty database (file, or schema) for one test. */
    protected abstract StateStoreSettings newSettings() throws Exception;

    /** Removes what {@link #newSettings()} made, after the store is closed. */
    protected void cleanUp() throws Exception {
    }

    @BeforeEach
    void openStore() throws Exception {
        settings = newSettings();
        store = JdbcStateStore.open(settings);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        cleanUp();
    }

    // --- cursor ---------------------------------------------------------------------------------

    @Test
    void cursor_neverSaved_isEmpty() {
        assertThat(store.cursor("ldap://dc1/dc=corp")).isEmpty();
    }

    @Test
    void saveCursor_thenCursor_returnsItForThatSourceOnly() {
        store.saveCursor("ldap://dc1/dc=corp", new SyncCursor("usn", "dc1:4711"));
        store.saveCursor("ldap://dc2/dc=corp", new SyncCursor("usn", "dc2:17"));

        assertThat(store.cursor("ldap://dc1/dc=corp")).contains(new SyncCursor("usn", "dc1:4711"));
        assertThat(store.cursor("ldap://dc2/dc=corp")).contains(new SyncCursor("usn", "dc2:17"));
    }

    @Test
    void saveCursor_again_replacesIt() {
        store.saveCursor("src", new SyncCursor("usn", "1"));
        store.saveCursor("src", new SyncCursor("dirsync-cookie", "AAEC"));

        assertThat(store.cursor("src")).contains(new SyncCursor("dirsync-cookie", "AAEC"));
    }

    @Test
    void clearCursor_forgetsOnlyThatSource() {
        store.saveCursor("a", new SyncCursor("usn", "1"));
        store.saveCursor("b", new SyncCursor("usn", "2"));

        store.clearCursor("a");
        store.clearCursor("never-saved");

        assertThat(store.cursor("a")).isEmpty();
        assertThat(store.cursor("b")).contains(new SyncCursor("usn", "2"));
    }

    // --- objects --------------------------------------------------------------------------------

    @Test
    void saveObject_thenObject_returnsItWithEveryDigestBit() {
        long[] digests = {Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 1L, 0xcbf29ce484222325L, 42L, -42L, 7L};
        SyncedObject saved = new SyncedObject(anchor(1), "cloud-1", "CN=Ann Lee,OU=Staff,DC=corp,DC=example", digests);

        store.saveObject(saved);

        SyncedObject read = store.object(anchor(1)).orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.digests()).containsExactly(digests);
    }

    @Test
    void object_unknownAnchor_isEmpty() {
        assertThat(store.object(anchor(404))).isEmpty();
    }

    @Test
    void saveObject_sameAnchor_replacesIt() {
        store.saveObject(object(1));
        SyncedObject moved = new SyncedObject(anchor(1), "cloud-1", "CN=Ann Lee,OU=Moved,DC=corp", digests(99));

        store.saveObject(moved);

        assertThat(store.object(anchor(1))).contains(moved);
        assertThat(store.objectCount()).isEqualTo(1);
    }

    @Test
    void saveObject_withoutDn_keepsTheNull() {
        SyncedObject noDn = new SyncedObject(anchor(3), "cloud-3", null, digests(3));

        store.saveObject(noDn);

        assertThat(store.object(anchor(3))).contains(noDn);
    }

    @Test
    void removeObject_forgetsItAndItsPendingRemoval() {
        store.saveObject(object(1));
        store.saveObject(object(2));
        long runId = store.beginRun(RunType.FULL, "cli").id();
        store.replacePendingRemovals(List.of(removal(1, runId), removal(2, runId)));
        store.approveRemovals(Optional.empty());

        store.removeObject(anchor(1));

        assertThat(store.object(anchor(1))).isEmpty();
        assertThat(store.object(anchor(2))).isPresent();
        assertThat(store.approvedRemovals()).extracting(PendingRemoval::anchor).containsExactly(anchor(2));
    }

    @Test
    void objectCount_countsTheManagedObjects() {
        assertThat(store.objectCount()).isZero();
        for (int i = 0; i < 5; i++) {
            store.saveObject(object(i));
        }
        store.removeObject(anchor(0));

        assertThat(store.objectCount()).isEqualTo(4);
    }

    @Test
    void forEachObject_streams50000Objects_eachOnceAndIntact() throws Exception {
        insertObjects(MANY_OBJECTS);
        AtomicLong seen = new AtomicLong();
        AtomicLong anchorSum = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();

        store.forEachObject(object -> {
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
        assertThat(store.objectCount()).isEqualTo(MANY_OBJECTS);
    }

    @Test
    void forEachObject_handlerThrows_exceptionPassesThroughAndStoreStaysUsable() {
        for (int i = 0; i < 10; i++) {
            store.saveObject(object(i));
        }
        AtomicLong seen = new AtomicLong();

        assertThatThrownBy(() -> store.forEachObject(object -> {
            if (seen.incrementAndGet() == 3) {
                throw new IllegalStateException("handler stops");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("handler stops");

        for (int round = 0; round < settings.poolSize() + 1; round++) {
            store.saveObject(object(100 + round));
            assertThat(store.objectCount()).isEqualTo(11 + round);
        }
    }

    @Test
    void forEachObject_emptyStore_callsNothing() {
        store.forEachObject(object -> {
            throw new AssertionError("no object expected, got " + object);
        });
    }

    // --- runs -----------------------------------------------------------------------------------

    @Test
    void beginRun_recordsARunningRunWithItsId() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        RunRecord run = store.beginRun(RunType.DELTA, "schedule");

        assertThat(run.id()).isPositive();
        assertThat(run.type()).isEqualTo(RunType.DELTA);
        assertThat(run.trigger()).isEqualTo("schedule");
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.finished()).isNull();
        assertThat(run.summary()).isEqualTo(summary(0));
        assertThat(run.started()).isBetween(before, Instant.now());
        assertThat(store.run(run.id())).contains(run);
    }

    @Test
    void beginRun_idsIncrease() {
        long first = store.beginRun(RunType.FULL, "cli").id();
        long second = store.beginRun(RunType.FULL, "cli").id();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void updateRun_storesTheProgressCounts() {
        long runId = store.beginRun(RunType.FULL, "operator").id();
        RunSummary soFar = new RunSummary(100, 1, 2, 3, 4, 5, 6, 7);

        store.updateRun(runId, soFar);

        RunRecord run = store.run(runId).orElseThrow();
        assertThat(run.summary()).isEqualTo(soFar);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void updateRun_afterFinish_keepsTheFinalCounts() {
        long runId = store.beginRun(RunType.FULL, "cli").id();
        store.finishRun(runId, RunStatus.SUCCESS, summary(10), null);

        store.updateRun(runId, summary(5));

        assertThat(store.run(runId).orElseThrow().summary()).isEqualTo(summary(10));
    }

    @Test
    void updateRun_unknownRun_throwsNamingTheRun() {
        assertThatThrownBy(() -> store.updateRun(987_654, summary(1)))
                .isInstanceOf(DirsyncException.class)
                .hasMessageContaining("run 987654")
                .hasMessageContaining("no such run");
    }

    @Test
    void finishRun_storesStatusCountsFinishTimeAndErrorSummary() {
        RunRecord started = store.beginRun(RunType.FULL, "cli");
        RunSummary summary = new RunSummary(256, 6, 18, 232, 0, 0, 0, 0);

        store.finishRun(started.id(), RunStatus.PARTIAL, summary, "18 blocked");

        RunRecord run = store.run(started.id()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.summary()).isEqualTo(summary);
        assertThat(run.errorSummary()).isEqualTo("18 blocked");
        assertThat(run.finished()).isNotNull().isAfterOrEqualTo(run.started());
        assertThat(run.started()).isEqualTo(started.started());
        assertThat(run.type()).isEqualTo(RunType.FULL);
        assertThat(run.trigger()).isEqualTo("cli");
    }

    @Test
    void finishRun_everyStatus_roundTrips() {
        for (RunStatus status : RunStatus.values()) {
            long runId = store.beginRun(RunType.FULL, "cli").id();
            store.finishRun(runId, status, summary(1), null);
            assertThat(store.run(runId).orElseThrow().status()).isEqualTo(status);
        }
    }

    @Test
    void finishRun_unknownRun_throwsNamingTheRun() {
        assertThatThrownBy(() -> store.finishRun(555, RunStatus.SUCCESS, summary(0), null))
                .isInstanceOf(DirsyncException.class)
                .hasMessageContaining("finish run 555")
                .hasMessageContaining(settings.displayUrl());
    }

    @Test
    void recentRuns_mostRecentFirst_upToTheLimit() {
        long a = store.beginRun(RunType.FULL, "cli").id();
        long b = store.beginRun(RunType.DELTA, "schedule").id();
        long c = store.beginRun(RunType.DELTA, "operator").id();
        store.finishRun(a, RunStatus.SUCCESS, summary(1), null);

        assertThat(store.recentRuns(2)).extracting(RunRecord::id).containsExactly(c, b);
        assertThat(store.recentRuns(10)).extracting(RunRecord::id).containsExactly(c, b, a);
        assertThat(store.recentRuns(0)).isEmpty();
        assertThatThrownBy(() -> store.recentRuns(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void run_unknownId_isEmpty() {
        assertThat(store.run(123_456)).isEmpty();
    }

    @Test
    void failAbandonedRuns_marksOnlyRunningRunsFailed_withTheReason() {
        long done = store.beginRun(RunType.FULL, "cli").id();
        store.finishRun(done, RunStatus.SUCCESS, summary(3), null);
        long abandoned1 = store.beginRun(RunType.FULL, "schedule").id();
        store.updateRun(abandoned1, summary(2));
        long abandoned2 = store.beginRun(RunType.DELTA, "schedule").id();

        int marked = store.failAbandonedRuns("interrupted");

        assertThat(marked).isEqualTo(2);
        for (long id : List.of(abandoned1, abandoned2)) {
            RunRecord run = store.run(id).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.errorSummary()).isEqualTo("interrupted");
            assertThat(run.finished()).isNotNull();
        }
        assertThat(store.run(abandoned1).orElseThrow().summary()).isEqualTo(summary(2));
        RunRecord untouched = store.run(done).orElseThrow();
        assertThat(untouched.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(untouched.errorSummary()).isNull();
        assertThat(store.failAbandonedRuns("interrupted")).isZero();
    }

    // --- errors ---------------------------------------------------------------------------------

    @Test
    void recordError_countsAttemptsPerAnchor() {
        long run1 = store.beginRun(RunType.FULL, "cli").id();
        long run2 = store.beginRun(RunType.DELTA, "schedule").id();
        long run3 = store.beginRun(RunType.DELTA, "schedule").id();

        store.recordError(error(1, run1, "retryable"));
        store.recordError(error(2, run1, "rejected"));
        store.recordError(error(1, run2, "retryable"));
        store.recordError(error(1, run3, "conflict"));

        assertThat(store.openErrors()).extracting(ObjectError::anchor, ObjectError::attempts, ObjectError::runId,
                        ObjectError::kind)
                .containsExactlyInAnyOrder(
                        tuple(anchor(1), 3, run3, "conflict"),
                        tuple(anchor(2), 1, run1, "rejected"));
    }

    @Test
    void recordError_ignoresTheCallersAttempts_andKeepsEveryField() {
        long runId = store.beginRun(RunType.FULL, "cli").id();
        Instant at = Instant.parse("2024-05-01T10:15:30.123456Z");

        store.recordError(new ObjectError(anchor(7), "CN=Bo,DC=corp", runId, "rejected", "Request_BadRequest",
                "Property 'mail' is invalid", 99, at));

        assertThat(store.errors(runId)).containsExactly(new ObjectError(anchor(7), "CN=Bo,DC=corp", runId, "rejected",
                "Request_BadRequest", "Property 'mail' is invalid", 1, at));
    }

    @Test
    void recordError_withoutTime_isStampedNow() {
        long runId = store.beginRun(RunType.FULL, "cli").id();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        store.recordError(new ObjectError(anchor(1), null, runId, "blocked", null, null, 0, null));

        assertThat(store.openErrors().get(0).at()).isBetween(before, Instant.now());
    }

    @Test
    void recordError_afterClear_startsAgainAtOne() {
        long run1 = store.beginRun(RunType.FULL, "cli").id();
        long run2 = store.beginRun(RunType.FULL, "cli").id();
        store.recordError(error(1, run1, "retryable"));
        store.clearError(anchor(1));

        store.recordError(error(1, run2, "retryable"));

        assertThat(store.openErrors()).singleElement().extracting(ObjectError::attempts).isEqualTo(1);
    }

    @Test
    void errors_ofARun_remainAfterLaterRunsClearThem() {
        long run1 = store.beginRun(RunType.FULL, "cli").id();
        store.recordError(error(1, run1, "retryable"));
        store.recordError(error(2, run1, "rejected"));
        long run2 = store.beginRun(RunType.DELTA, "schedule").id();
        store.recordError(error(2, run2, "rejected"));
        store.clearError(anchor(1));
        store.clearError(anchor(2));

        assertThat(store.openErrors()).isEmpty();
        assertThat(store.errors(run1)).extracting(ObjectError::anchor, ObjectError::attempts, ObjectError::kind)
                .containsExactlyInAnyOrder(
                        tuple(anchor(1), 1, "retryable"),
                        tuple(anchor(2), 1, "rejected"));
        assertThat(store.errors(run2)).extracting(ObjectError::anchor, ObjectError::attempts)
                .containsExactly(tuple(anchor(2), 2));
        assertThat(store.errors(999_999)).isEmpty();
    }

    @Test
    void openErrors_listsOnlyErrorsNotCleared() {
        long runId = store.beginRun(RunType.FULL, "cli").id();
        for (int i = 1; i <= 3; i++) {
            store.recordError(error(i, runId, "retryable"));
        }

        store.clearError(anchor(2));
        store.clearError(anchor(404));

        assertThat(store.openErrors()).extracting(ObjectError::anchor).containsExactlyInAnyOrder(anchor(1), anchor(3));
    }

    // --- removals -------------------------------------------------------------------------------

    @Test
    void replacePendingRemovals_replacesThePreviousView() {
        long run1 = store.beginRun(RunType.FULL, "cli").id();
        long run2 = store.beginRun(RunType.FULL, "cli").id();
        store.replacePendingRemovals(List.of(removal(1, run1), removal(2, run1)));

        store.replacePendingRemovals(List.of(removal(2, run2), removal(3, run2)));

        assertThat(store.pendingRemovals()).containsExactlyInAnyOrder(removal(2, run2), removal(3, run2));
        assertThat(store.approvedRemovals()).isEmpty();

        store.replacePendingRemovals(List.of());
        assertThat(store.pendingRemovals()).isEmpty();
    }

    @Test
    void approveRemovals_ofOneRun_approvesOnlyThatRunsRemovals() {
        long run1 = store.beginRun(RunType.FULL, "cli").id();
        long run2 = store.beginRun(RunType.FULL, "cli").id();
        store.replacePendingRemovals(List.of(removal(1, run1), removal(2, run1), removal(3, run2)));

        int approved = store.approveRemovals(Optional.of(run1));

        assertThat(approved).isEqualTo(2);
        assertThat(store.approvedRemovals()).containsExactlyInAnyOrder(removal(1, run1), removal(2, run1));
        assertThat(store.pendingRemovals()).containsExactly(removal(3, run2));
        assertThat(store.approveRemovals(Optional.of(run1))).isZero();
    }

    @Test
    void approveRemovals_all_approvesEveryPendingRemoval() {
        long run1 = store.beginRun(RunType.FULL, "cli").id();
        long run2 = store.beginRun(RunType.FULL, "cli").id();
        store.replacePendingRemovals(List.of(removal(1, run1), removal(2, run2)));

        int approved = store.approveRemovals(Optional.empty());

        assertThat(approved).isEqualTo(2);
        assertThat(store.pendingRemovals()).isEmpty();
        assertThat(store.approvedRemovals()).containsExactlyInAnyOrder(removal(1, run1), removal(2, run2));
        assertThat(store.approveRemovals(Optional.empty())).isZero();
    }

    @Test
    void replacePendingRemovals_keepsTheApprovalOfTheSameRemoval_only() {
        long run1 = store.beginRun(RunType.FULL, "cli").id();
        long run2 = store.beginRun(RunType.FULL, "cli").id();
        store.replacePendingRemovals(List.of(removal(1, run1), removal(2, run1), removal(3, run1)));
        store.approveRemovals(Optional.of(run1));
        PendingRemoval otherCloudCopy = new PendingRemoval(anchor(2), "cloud-2-recreated", "CN=2", run2, "gone");

        store.replacePendingRemovals(List.of(removal(1, run2), otherCloudCopy, removal(4, run2)));

        assertThat(store.approvedRemovals()).containsExactly(removal(1, run2));
        assertThat(store.pendingRemovals()).containsExactlyInAnyOrder(otherCloudCopy, removal(4, run2));
    }

    @Test
    void replacePendingRemovals_sameAnchorTwice_keepsTheLast() {
        long runId = store.beginRun(RunType.FULL, "cli").id();
        PendingRemoval later = new PendingRemoval(anchor(1), "cloud-1", "CN=later", runId, "later");

        store.replacePendingRemovals(List.of(removal(1, runId), later));

        assertThat(store.pendingRemovals()).containsExactly(later);
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
        assertThat(store.errors(run.id())).singleElement().extracting(ObjectError::anchor).isEqualTo(anchor(1));
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
    void insertObjects(int count) throws InterruptedException {
        int writers = settings.poolSize();
        Thread[] threads = new Thread[writers];
        RuntimeException[] failures = new RuntimeException[writers];
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads[w] = new Thread(() -> {
                try {
                    for (int i = writer; i < count; i += writers) {
                        store.saveObject(object(i));
                    }
                } catch (RuntimeException e) {
                    failures[writer] = e;
                }
            }, "writer-" + w);
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

    static Anchor anchor(int i) {
        return Anchor.ofUuid(new UUID(0x5eed_0000_0000_0000L, i));
    }

    static int indexOf(Anchor anchor) {
        return (int) ByteBuffer.wrap(anchor.bytes()).getLong(8);
    }

    static long[] digests(int i) {
        long[] digests = new long[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            digests[f] = (i * 0x9E3779B97F4A7C15L) ^ ((long) f << 56) ^ (f % 2 == 0 ? -1L : 0L);
        }
        return digests;
    }

    static SyncedObject object(int i) {
        return new SyncedObject(anchor(i), "cloud-" + i, "CN=User " + i + ",OU=Staff,DC=corp,DC=example", digests(i));
    }

    static ObjectError error(int i, long runId, String kind) {
        return new ObjectError(anchor(i), "CN=User " + i, runId, kind, "Request_BadRequest", "failed " + i, 0,
                Instant.parse("2024-05-01T10:00:00Z").plusSeconds(i));
    }

    static PendingRemoval removal(int i, long runId) {
        return new PendingRemoval(anchor(i), "cloud-" + i, "CN=User " + i, runId, "not in the directory");
    }

    static RunSummary summary(long n) {
        return new RunSummary(n, n, n, n, n, n, n, n);
    }
}

package dev.dirsync.state;

import com.zaxxer.hikari.HikariDataSource;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import dev.dirsync.core.state.SyncedObject;
import dev.dirsync.core.state.UnmanagedUser;
import dev.dirsync.state.internal.CursorDao;
import dev.dirsync.state.internal.Database;
import dev.dirsync.state.internal.Dialect;
import dev.dirsync.state.internal.ErrorDao;
import dev.dirsync.state.internal.Migrations;
import dev.dirsync.state.internal.ObjectDao;
import dev.dirsync.state.internal.Pool;
import dev.dirsync.state.internal.RemovalDao;
import dev.dirsync.state.internal.RunDao;
import dev.dirsync.state.internal.SqlErrors;
import dev.dirsync.state.internal.ThrottleDeadlineDao;
import dev.dirsync.state.internal.Timestamps;
import dev.dirsync.state.internal.UniqueKeyDao;
import dev.dirsync.state.internal.UnmanagedUserDao;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StateStore} over JDBC: an embedded H2 file by default, or PostgreSQL. Each method is
 * one transaction, committed before it returns (on H2 written to the file, on PostgreSQL flushed
 * by the server), so a process killed after a call returned keeps what the call wrote. Failures
 * are {@link dev.dirsync.core.UnavailableException} when the database cannot be reached,
 * {@link dev.dirsync.core.CredentialsRejectedException} when it refuses the user, otherwise
 * {@link dev.dirsync.core.DirsyncException}; each message names the URL without credentials.
 * Safe for use by several threads.
 *
 * <p>Beyond the port's contract: {@link #removeObject} also drops the object's pending removal
 * (an object no longer managed has nothing left to remove), and {@link #replacePendingRemovals}
 * keeps the approval of a removal that is proposed again for the same anchor and cloud id.
 */
public final class JdbcStateStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateStore.class);

    private final HikariDataSource pool;
    private final String displayUrl;
    private final Database db;
    private final Clock clock;
    private final CursorDao cursors;
    private final ObjectDao objects;
    private final RunDao runs;
    private final ErrorDao errors;
    private final RemovalDao removals;
    private final UniqueKeyDao uniqueKeys = new UniqueKeyDao();
    private final UnmanagedUserDao unmanaged = new UnmanagedUserDao();

    private JdbcStateStore(HikariDataSource pool, String displayUrl, Database db, Clock clock) {
        this.pool = pool;
        this.displayUrl = displayUrl;
        this.db = db;
        this.clock = clock;
        this.cursors = new CursorDao(db.dialect());
        this.objects = new ObjectDao(db.dialect());
        this.runs = new RunDao();
        this.errors = new ErrorDao(db.dialect());
        this.removals = new RemovalDao();
    }

    /**
     * Connects, brings the schema to this build's version and returns the store.
     *
     * @throws dev.dirsync.core.DirsyncException (or a subclass) when the database cannot be reached,
     *     refuses the credentials or the schema cannot be migrated
     */
    public static JdbcStateStore open(StateStoreSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    static JdbcStateStore open(StateStoreSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Dialect dialect = Dialect.of(settings.url());
        SqlErrors sqlErrors = new SqlErrors(settings.displayUrl());
        HikariDataSource pool = Pool.open(settings, dialect, sqlErrors);
        boolean ready = false;
        try {
            String version = Migrations.apply(pool, sqlErrors);
            LOG.info("state store {} ready (schema version {})", settings.displayUrl(), version);
            ready = true;
            return new JdbcStateStore(
                    pool, settings.displayUrl(), new Database(pool, dialect, settings.displayUrl()), clock);
        } finally {
            if (!ready) {
                pool.close();
            }
        }
    }

    /**
     * The store's pooled data source, for components that keep their own tables in the same
     * database (a scheduler's job store). Closed by {@link #close()}.
     */
    public DataSource dataSource() {
        return pool;
    }

    // --- source cursor -------------------------------------------------------------------------

    @Override
    public Optional<SyncCursor> cursor(String sourceKey) {
        Objects.requireNonNull(sourceKey, "sourceKey");
        return db.autoCommit("read cursor", c -> cursors.find(c, sourceKey));
    }

    @Override
    public void saveCursor(String sourceKey, SyncCursor cursor) {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(cursor, "cursor");
        db.autoCommit("save cursor", c -> {
            cursors.save(c, sourceKey, cursor, now());
            return null;
        });
    }

    @Override
    public void clearCursor(String sourceKey) {
        Objects.requireNonNull(sourceKey, "sourceKey");
        db.autoCommit("clear cursor", c -> {
            cursors.delete(c, sourceKey);
            return null;
        });
    }

    // --- objects dirsync manages ---------------------------------------------------------------

    @Override
    public Optional<SyncedObject> object(Anchor anchor) {
        Objects.requireNonNull(anchor, "anchor");
        return db.autoCommit("read object", c -> objects.find(c, anchor));
    }

    /** Streams in no particular order, a batch of rows at a time; holds one connection until done. */
    @Override
    public void forEachObject(Consumer<SyncedObject> handler) {
        Objects.requireNonNull(handler, "handler");
        db.stream("read objects", c -> {
            objects.forEach(c, handler);
            return null;
        });
    }

    @Override
    public long objectCount() {
        return db.autoCommit("count objects", objects::count);
    }

    @Override
    public void saveObject(SyncedObject object) {
        Objects.requireNonNull(object, "object");
        db.autoCommit("save object", c -> {
            objects.save(c, object);
            return null;
        });
    }

    /** Forgets the object and any removal of it still pending. */
    @Override
    public void removeObject(Anchor anchor) {
        Objects.requireNonNull(anchor, "anchor");
        db.transaction("remove object", c -> {
            objects.delete(c, anchor);
            removals.delete(c, anchor);
            return null;
        });
    }

    // --- runs ----------------------------------------------------------------------------------

    @Override
    public RunRecord beginRun(RunType type, String trigger, boolean planned) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trigger, "trigger");
        Instant started = now();
        long id = db.autoCommit("begin run", c -> runs.insert(c, type, trigger, started, planned));
        return new RunRecord(id, type, trigger, started, null, RunStatus.RUNNING, zero(), null, planned);
    }

    /** Ignored once the run has finished (a late progress report must not overwrite the final counts). */
    @Override
    public void updateRun(long runId, RunSummary soFar) {
        Objects.requireNonNull(soFar, "soFar");
        String operation = "update run " + runId;
        db.autoCommit(operation, c -> {
            if (runs.updateRunning(c, runId, soFar) == 0 && runs.find(c, runId).isEmpty()) {
                throw db.failure(operation, "no such run");
            }
            return null;
        });
    }

    @Override
    public void finishRun(long runId, RunStatus status, RunSummary summary, String errorSummary) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        String operation = "finish run " + runId;
        db.autoCommit(operation, c -> {
            if (runs.finish(c, runId, status, summary, now(), errorSummary) == 0) {
                throw db.failure(operation, "no such run");
            }
            return null;
        });
    }

    @Override
    public List<RunRecord> recentRuns(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return db.autoCommit("read recent runs", c -> runs.recent(c, limit));
    }

    @Override
    public Optional<RunRecord> run(long runId) {
        return db.autoCommit("read run " + runId, c -> runs.find(c, runId));
    }

    @Override
    public int failAbandonedRuns(String reason) {
        Objects.requireNonNull(reason, "reason");
        return db.autoCommit("fail abandoned runs", c -> runs.failRunning(c, reason, now()));
    }

    // --- per-object errors ---------------------------------------------------------------------

    /** Stores the error with attempts = the anchor's open error's attempts + 1; {@code at} defaults to now. */
    @Override
    public void recordError(ObjectError error) {
        Objects.requireNonNull(error, "error");
        db.transaction("record error", c -> {
            int attempts = errors.openAttempts(c, error.anchor()) + 1;
            Instant at = error.at() != null ? error.at() : now();
            errors.record(
                    c,
                    new ObjectError(
                            error.anchor(),
                            error.dn(),
                            error.runId(),
                            error.kind(),
                            error.code(),
                            error.message(),
                            attempts,
                            at));
            return null;
        });
    }

    @Override
    public void clearError(Anchor anchor) {
        Objects.requireNonNull(anchor, "anchor");
        db.autoCommit("clear error", c -> {
            errors.deleteOpen(c, anchor);
            return null;
        });
    }

    /** In the order recorded; still there after the objects recovered. */
    @Override
    public List<ObjectError> errors(long runId) {
        return db.autoCommit("read errors of run " + runId, c -> errors.byRun(c, runId));
    }

    /** Ordered by anchor. */
    @Override
    public List<ObjectError> openErrors() {
        return db.autoCommit("read open errors", errors::open);
    }

    // --- removals held by the deletion threshold -------------------------------------------------

    /** A removal already approved stays approved when it is proposed again for the same anchor and cloud id. */
    @Override
    public void replacePendingRemovals(Collection<PendingRemoval> proposed) {
        Objects.requireNonNull(proposed, "removals");
        Map<String, PendingRemoval> byAnchor = new LinkedHashMap<>();
        for (PendingRemoval removal : proposed) {
            byAnchor.put(removal.anchor().value(), removal);
        }
        db.transaction("replace pending removals", c -> {
            Map<String, String> approved = removals.approvedCloudIds(c);
            removals.deleteAll(c);
            removals.insertAll(c, byAnchor.values(), approved);
            return null;
        });
    }

    /** Those awaiting approval, by run then anchor. */
    @Override
    public List<PendingRemoval> pendingRemovals() {
        return db.autoCommit("read pending removals", c -> removals.list(c, false));
    }

    @Override
    public int approveRemovals(Optional<Long> runId) {
        Objects.requireNonNull(runId, "runId");
        return db.autoCommit("approve removals", c -> removals.approve(c, runId));
    }

    @Override
    public List<PendingRemoval> approvedRemovals() {
        return db.autoCommit("read approved removals", c -> removals.list(c, true));
    }

    // --- the uniqueness index ------------------------------------------------------------------

    @Override
    public Map<Long, Anchor> holders(long[] keys) {
        Objects.requireNonNull(keys, "keys");
        return db.autoCommit("read value holders", c -> uniqueKeys.holders(c, keys));
    }

    @Override
    public void replaceKeys(Anchor anchor, long[] keys) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(keys, "keys");
        db.transaction("replace unique values", c -> {
            uniqueKeys.replace(c, anchor, keys);
            return null;
        });
    }

    @Override
    public void removeKeys(Anchor anchor) {
        Objects.requireNonNull(anchor, "anchor");
        db.autoCommit("remove unique values", c -> {
            uniqueKeys.delete(c, anchor);
            return null;
        });
    }

    // --- anchored cloud users awaiting adoption --------------------------------------------------

    @Override
    public void replaceUnmanaged(Collection<UnmanagedUser> users) {
        Objects.requireNonNull(users, "users");
        db.transaction("replace unmanaged users", c -> {
            unmanaged.replaceAll(c, users);
            return null;
        });
    }

    @Override
    public List<UnmanagedUser> unmanagedUsers() {
        return db.autoCommit("read unmanaged users", unmanaged::all);
    }

    @Override
    public Optional<UnmanagedUser> adopt(Anchor anchor) {
        Objects.requireNonNull(anchor, "anchor");
        return db.transaction("adopt " + anchor, c -> {
            Optional<UnmanagedUser> user = unmanaged.find(c, anchor);
            if (user.isPresent()) {
                objects.save(c, user.get().object());
                unmanaged.delete(c, anchor);
            }
            return user;
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcStateStore[" + displayUrl + "]";
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    private static RunSummary zero() {
        return new RunSummary(0, 0, 0, 0, 0, 0, 0, 0);
    }

    // --- throttle deadlines --------------------------------------------------------------------

    @Override
    public Optional<Instant> writesDeferredUntil(String service) {
        Objects.requireNonNull(service, "service");
        return db.autoCommit("read throttle deadline", c -> throttleDeadlines().find(c, service));
    }

    /** Keeps the later of the stored deadline and {@code until}. */
    @Override
    public void deferWritesUntil(String service, Instant until) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(until, "until");
        ThrottleDeadlineDao deadlines = throttleDeadlines();
        db.transaction("save throttle deadline", c -> {
            Optional<Instant> stored = deadlines.find(c, service);
            if (stored.isEmpty() || Timestamps.truncate(until).isAfter(stored.get())) {
                deadlines.save(c, service, until);
            }
            return null;
        });
    }

    private ThrottleDeadlineDao throttleDeadlines() {
        return new ThrottleDeadlineDao(db.dialect());
    }
}

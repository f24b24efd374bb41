package dev.dirsync.state.internal;

import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Table {@code run}: the run history with each run's counts. */
public final class RunDao {
    private static final String COUNTS = "read_count, skipped_count, blocked_count, created_count, updated_count,"
            + " deleted_count, unchanged_count, failed_count";
    private static final String SET_COUNTS = "read_count = ?, skipped_count = ?, blocked_count = ?, created_count = ?,"
            + " updated_count = ?, deleted_count = ?, unchanged_count = ?, failed_count = ?";
    private static final String SELECT =
            "SELECT id, type, trigger, started, finished, status, " + COUNTS + ", error_summary, planned FROM run";
    private static final String INSERT = "INSERT INTO run (type, trigger, started, status, planned, " + COUNTS
            + ") VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)";
    private static final String UPDATE_RUNNING = "UPDATE run SET " + SET_COUNTS + " WHERE id = ? AND status = ?";
    private static final String FINISH =
            "UPDATE run SET " + SET_COUNTS + ", finished = ?, status = ?, error_summary = ? WHERE id = ?";
    private static final String FAIL_RUNNING =
            "UPDATE run SET finished = ?, status = ?, error_summary = ? WHERE status = ?";
    private static final String SELECT_ONE = SELECT + " WHERE id = ?";
    private static final String SELECT_RECENT = SELECT + " ORDER BY id DESC LIMIT ?";

    /** Inserts a RUNNING run with zero counts; returns its id. */
    public long insert(Connection connection, RunType type, String trigger, Instant started, boolean planned)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT, new String[] {"id"})) {
            statement.setString(1, type.label());
            statement.setString(2, trigger);
            Timestamps.set(statement, 3, started);
            statement.setString(4, RunStatus.RUNNING.label());
            statement.setBoolean(5, planned);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new run");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Sets the counts of a run that is still RUNNING; returns the rows changed (0 or 1). */
    public int updateRunning(Connection connection, long runId, RunSummary summary) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_RUNNING)) {
            int next = setCounts(statement, 1, summary);
            statement.setLong(next, runId);
            statement.setString(next + 1, RunStatus.RUNNING.label());
            return statement.executeUpdate();
        }
    }

    /** Returns the rows changed (0 when there is no such run). */
    public int finish(
            Connection connection,
            long runId,
            RunStatus status,
            RunSummary summary,
            Instant finished,
            String errorSummary)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FINISH)) {
            int next = setCounts(statement, 1, summary);
            Timestamps.set(statement, next, finished);
            statement.setString(next + 1, status.label());
            statement.setString(next + 2, errorSummary);
            statement.setLong(next + 3, runId);
            return statement.executeUpdate();
        }
    }

    public int failRunning(Connection connection, String reason, Instant finished) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FAIL_RUNNING)) {
            Timestamps.set(statement, 1, finished);
            statement.setString(2, RunStatus.FAILED.label());
            statement.setString(3, reason);
            statement.setString(4, RunStatus.RUNNING.label());
            return statement.executeUpdate();
        }
    }

    public Optional<RunRecord> find(Connection connection, long runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ONE)) {
            statement.setLong(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Most recent first. */
    public List<RunRecord> recent(Connection connection, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_RECENT)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<RunRecord> runs = new ArrayList<>();
                while (rows.next()) {
                    runs.add(read(rows));
                }
                return runs;
            }
        }
    }

    private static int setCounts(PreparedStatement statement, int first, RunSummary summary) throws SQLException {
        long[] counts = {
            summary.read(),
            summary.skipped(),
            summary.blocked(),
            summary.created(),
            summary.updated(),
            summary.deleted(),
            summary.unchanged(),
            summary.failed()
        };
        for (int i = 0; i < counts.length; i++) {
            statement.setLong(first + i, counts[i]);
        }
        return first + counts.length;
    }

    private static RunRecord read(ResultSet rows) throws SQLException {
        RunSummary summary = new RunSummary(
                rows.getLong("read_count"),
                rows.getLong("skipped_count"),
                rows.getLong("blocked_count"),
                rows.getLong("created_count"),
                rows.getLong("updated_count"),
                rows.getLong("deleted_count"),
                rows.getLong("unchanged_count"),
                rows.getLong("failed_count"));
        return new RunRecord(
                rows.getLong("id"),
                RunType.valueOf(rows.getString("type").toUpperCase(Locale.ROOT)),
                rows.getString("trigger"),
                Timestamps.get(rows, "started"),
                Timestamps.get(rows, "finished"),
                RunStatus.fromLabel(rows.getString("status")),
                summary,
                rows.getString("error_summary"),
                rows.getBoolean("planned"));
    }
}

package dev.dirsync.state.internal;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.ObjectError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables {@code object_error} (the latest failure of each object still failing) and
 * {@code run_error} (every failure as its run recorded it, kept after the object recovers).
 */
public final class ErrorDao {
    private static final List<String> OPEN_COLUMNS =
            List.of("anchor", "dn", "run_id", "kind", "code", "message", "attempts", "recorded_at");
    private static final List<String> RUN_COLUMNS =
            List.of("run_id", "anchor", "dn", "kind", "code", "message", "attempts", "recorded_at");
    private static final String ATTEMPTS = "SELECT attempts FROM object_error WHERE anchor = ? FOR UPDATE";
    private static final String DELETE_OPEN = "DELETE FROM object_error WHERE anchor = ?";
    private static final String SELECT_OPEN =
            "SELECT " + String.join(", ", OPEN_COLUMNS) + " FROM object_error ORDER BY anchor";
    private static final String SELECT_BY_RUN = "SELECT " + String.join(", ", RUN_COLUMNS)
            + " FROM run_error WHERE run_id = ? ORDER BY recorded_at, anchor";

    private final String upsertOpen;
    private final String upsertRun;

    public ErrorDao(Dialect dialect) {
        this.upsertOpen = dialect.upsert("object_error", List.of("anchor"), OPEN_COLUMNS);
        this.upsertRun = dialect.upsert("run_error", List.of("run_id", "anchor"), RUN_COLUMNS);
    }

    /** The attempts of the anchor's open error (locked until the transaction ends), 0 when none. */
    public int openAttempts(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ATTEMPTS)) {
            statement.setString(1, anchor.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /** Stores the error as the anchor's open error and in its run's history. */
    public void record(Connection connection, ObjectError error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsertOpen)) {
            statement.setString(1, error.anchor().value());
            statement.setString(2, error.dn());
            statement.setLong(3, error.runId());
            setDetails(statement, 4, error);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(upsertRun)) {
            statement.setLong(1, error.runId());
            statement.setString(2, error.anchor().value());
            statement.setString(3, error.dn());
            setDetails(statement, 4, error);
            statement.executeUpdate();
        }
    }

    public void deleteOpen(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_OPEN)) {
            statement.setString(1, anchor.value());
            statement.executeUpdate();
        }
    }

    public List<ObjectError> open(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_OPEN);
                ResultSet rows = statement.executeQuery()) {
            return readAll(rows);
        }
    }

    public List<ObjectError> byRun(Connection connection, long runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_BY_RUN)) {
            statement.setLong(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                return readAll(rows);
            }
        }
    }

    /** kind, code, message, attempts, recorded_at from {@code first} on. */
    private static void setDetails(PreparedStatement statement, int first, ObjectError error) throws SQLException {
        statement.setString(first, error.kind());
        statement.setString(first + 1, error.code());
        statement.setString(first + 2, error.message());
        statement.setInt(first + 3, error.attempts());
        Timestamps.set(statement, first + 4, error.at());
    }

    private static List<ObjectError> readAll(ResultSet rows) throws SQLException {
        List<ObjectError> errors = new ArrayList<>();
        while (rows.next()) {
            errors.add(new ObjectError(
                    new Anchor(rows.getString("anchor")),
                    rows.getString("dn"),
                    rows.getLong("run_id"),
                    rows.getString("kind"),
                    rows.getString("code"),
                    rows.getString("message"),
                    rows.getInt("attempts"),
                    Timestamps.get(rows, "recorded_at")));
        }
        return errors;
    }
}

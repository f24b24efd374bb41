package dev.dirsync.state.internal;

import dev.dirsync.core.port.SyncCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Table {@code cursor}: one change-stream position per source. */
public final class CursorDao {
    private static final String SELECT = "SELECT kind, cursor_value FROM cursor WHERE source_key = ?";
    private static final String DELETE = "DELETE FROM cursor WHERE source_key = ?";

    private final String upsert;

    public CursorDao(Dialect dialect) {
        this.upsert = dialect.upsert(
                "cursor", List.of("source_key"), List.of("source_key", "kind", "cursor_value", "updated_at"));
    }

    public Optional<SyncCursor> find(Connection connection, String sourceKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, sourceKey);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new SyncCursor(rows.getString("kind"), rows.getString("cursor_value")))
                        : Optional.empty();
            }
        }
    }

    public void save(Connection connection, String sourceKey, SyncCursor cursor, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, sourceKey);
            statement.setString(2, cursor.kind());
            statement.setString(3, cursor.value());
            Timestamps.set(statement, 4, now);
            statement.executeUpdate();
        }
    }

    public void delete(Connection connection, String sourceKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
            statement.setString(1, sourceKey);
            statement.executeUpdate();
        }
    }
}

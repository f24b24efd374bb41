package dev.dirsync.state.internal;

import dev.dirsync.core.model.Anchor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Table {@code unique_key}: which managed object holds each unique value; the first holder keeps it. */
public final class UniqueKeyDao {
    private static final String SELECT_HOLDER = "SELECT anchor FROM unique_key WHERE value_key = ?";
    private static final String DELETE_OF_ANCHOR = "DELETE FROM unique_key WHERE anchor = ?";
    private static final String INSERT_IF_FREE = "INSERT INTO unique_key (value_key, anchor) SELECT ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM unique_key WHERE value_key = ?)";

    public Map<Long, Anchor> holders(Connection connection, long[] keys) throws SQLException {
        Map<Long, Anchor> holders = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_HOLDER)) {
            for (long key : keys) {
                statement.setLong(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        holders.put(key, new Anchor(rows.getString(1)));
                    }
                }
            }
        }
        return holders;
    }

    /** Call in a transaction: the anchor's keys are replaced as a whole. */
    public void replace(Connection connection, Anchor anchor, long[] keys) throws SQLException {
        delete(connection, anchor);
        try (PreparedStatement statement = connection.prepareStatement(INSERT_IF_FREE)) {
            for (long key : keys) {
                statement.setLong(1, key);
                statement.setString(2, anchor.value());
                statement.setLong(3, key);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public void delete(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_OF_ANCHOR)) {
            statement.setString(1, anchor.value());
            statement.executeUpdate();
        }
    }
}

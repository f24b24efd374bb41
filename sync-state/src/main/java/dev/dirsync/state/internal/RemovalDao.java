package dev.dirsync.state.internal;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.PendingRemoval;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Table {@code pending_removal}: removals held by the deletion threshold, and their approval. */
public final class RemovalDao {
    private static final int BATCH = 500;
    private static final String COLUMNS = "anchor, cloud_id, dn, run_id, reason";
    private static final String SELECT_APPROVED_KEYS =
            "SELECT anchor, cloud_id FROM pending_removal WHERE approved = ?";
    private static final String DELETE_ALL = "DELETE FROM pending_removal";
    private static final String DELETE_ONE = "DELETE FROM pending_removal WHERE anchor = ?";
    private static final String INSERT =
            "INSERT INTO pending_removal (" + COLUMNS + ", approved) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT =
            "SELECT " + COLUMNS + " FROM pending_removal WHERE approved = ?" + " ORDER BY run_id, anchor";
    private static final String APPROVE_ALL = "UPDATE pending_removal SET approved = ? WHERE approved = ?";
    private static final String APPROVE_RUN = APPROVE_ALL + " AND run_id = ?";

    /** Anchor to cloud id of every approved removal. */
    public Map<String, String> approvedCloudIds(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_APPROVED_KEYS)) {
            statement.setBoolean(1, true);
            try (ResultSet rows = statement.executeQuery()) {
                Map<String, String> approved = new HashMap<>();
                while (rows.next()) {
                    approved.put(rows.getString("anchor"), rows.getString("cloud_id"));
                }
                return approved;
            }
        }
    }

    public void deleteAll(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_ALL)) {
            statement.executeUpdate();
        }
    }

    public void delete(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_ONE)) {
            statement.setString(1, anchor.value());
            statement.executeUpdate();
        }
    }

    /**
     * Inserts the removals; one is inserted approved when {@code approvedCloudIds} holds its anchor
     * with the same cloud id.
     */
    public void insertAll(
            Connection connection, Collection<PendingRemoval> removals, Map<String, String> approvedCloudIds)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int batched = 0;
            for (PendingRemoval removal : removals) {
                statement.setString(1, removal.anchor().value());
                statement.setString(2, removal.cloudId());
                statement.setString(3, removal.dn());
                statement.setLong(4, removal.runId());
                statement.setString(5, removal.reason());
                statement.setBoolean(
                        6,
                        removal.cloudId()
                                .equals(approvedCloudIds.get(removal.anchor().value())));
                statement.addBatch();
                if (++batched % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            if (batched % BATCH != 0) {
                statement.executeBatch();
            }
        }
    }

    public List<PendingRemoval> list(Connection connection, boolean approved) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setBoolean(1, approved);
            try (ResultSet rows = statement.executeQuery()) {
                List<PendingRemoval> removals = new ArrayList<>();
                while (rows.next()) {
                    removals.add(new PendingRemoval(
                            new Anchor(rows.getString("anchor")),
                            rows.getString("cloud_id"),
                            rows.getString("dn"),
                            rows.getLong("run_id"),
                            rows.getString("reason")));
                }
                return removals;
            }
        }
    }

    /** Approves the not yet approved removals of one run, or all; returns how many. */
    public int approve(Connection connection, Optional<Long> runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(runId.isPresent() ? APPROVE_RUN : APPROVE_ALL)) {
            statement.setBoolean(1, true);
            statement.setBoolean(2, false);
            if (runId.isPresent()) {
                statement.setLong(3, runId.get());
            }
            return statement.executeUpdate();
        }
    }
}

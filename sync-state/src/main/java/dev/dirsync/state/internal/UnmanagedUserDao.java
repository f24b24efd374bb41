package dev.dirsync.state.internal;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.SyncedObject;
import dev.dirsync.core.state.UnmanagedUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Table {@code unmanaged_user}: anchored cloud users the state does not know, awaiting adoption. */
public final class UnmanagedUserDao {
    private static final String COLUMNS = "anchor, cloud_id, upn, digests";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM unmanaged_user ORDER BY upn, anchor";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM unmanaged_user WHERE anchor = ?";
    private static final String INSERT = "INSERT INTO unmanaged_user (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    private static final String DELETE_ALL = "DELETE FROM unmanaged_user";
    private static final String DELETE_ONE = "DELETE FROM unmanaged_user WHERE anchor = ?";
    private static final int BATCH = 500;

    public void replaceAll(Connection connection, Collection<UnmanagedUser> users) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ALL)) {
            delete.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int batched = 0;
            for (UnmanagedUser user : users) {
                SyncedObject object = user.object();
                statement.setString(1, object.anchor().value());
                statement.setString(2, object.cloudId());
                statement.setString(3, user.userPrincipalName());
                statement.setBytes(4, DigestCodec.encode(object.digests()));
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

    public List<UnmanagedUser> all(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ALL);
                ResultSet rows = statement.executeQuery()) {
            List<UnmanagedUser> users = new ArrayList<>();
            while (rows.next()) {
                users.add(read(rows));
            }
            return users;
        }
    }

    public Optional<UnmanagedUser> find(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ONE)) {
            statement.setString(1, anchor.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public void delete(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_ONE)) {
            statement.setString(1, anchor.value());
            statement.executeUpdate();
        }
    }

    private static UnmanagedUser read(ResultSet rows) throws SQLException {
        SyncedObject object = new SyncedObject(
                new Anchor(rows.getString("anchor")),
                rows.getString("cloud_id"),
                null,
                DigestCodec.decode(rows.getBytes("digests")));
        return new UnmanagedUser(object, rows.getString("upn"));
    }
}

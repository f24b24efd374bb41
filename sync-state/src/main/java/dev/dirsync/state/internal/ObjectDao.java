package dev.dirsync.state.internal;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.SyncedObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Table {@code synced_object}: the objects dirsync created or matched, with their digests. */
public final class ObjectDao {
    private static final String COLUMNS = "anchor, cloud_id, dn, digests, disabled";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM synced_object WHERE anchor = ?";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM synced_object";
    private static final String COUNT = "SELECT COUNT(*) FROM synced_object";
    private static final String DELETE = "DELETE FROM synced_object WHERE anchor = ?";

    private final String upsert;

    public ObjectDao(Dialect dialect) {
        this.upsert = dialect.upsert(
                "synced_object", List.of("anchor"), List.of("anchor", "cloud_id", "dn", "digests", "disabled"));
    }

    public Optional<SyncedObject> find(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ONE)) {
            statement.setString(1, anchor.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Hands each row to the handler as it arrives: a forward-only, read-only result fetched
     * {@link Dialect#STREAM_FETCH_SIZE} rows at a time. Call inside {@link Database#stream}.
     */
    public void forEach(Connection connection, Consumer<SyncedObject> handler) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(SELECT_ALL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Dialect.STREAM_FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.accept(read(rows));
                }
            }
        }
    }

    public long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COUNT);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public void save(Connection connection, SyncedObject object) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, object.anchor().value());
            statement.setString(2, object.cloudId());
            statement.setString(3, object.dn());
            statement.setBytes(4, DigestCodec.encode(object.digests()));
            statement.setBoolean(5, object.disabled());
            statement.executeUpdate();
        }
    }

    public void delete(Connection connection, Anchor anchor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
            statement.setString(1, anchor.value());
            statement.executeUpdate();
        }
    }

    private static SyncedObject read(ResultSet rows) throws SQLException {
        return new SyncedObject(
                new Anchor(rows.getString("anchor")),
                rows.getString("cloud_id"),
                rows.getString("dn"),
                DigestCodec.decode(rows.getBytes("digests")),
                rows.getBoolean("disabled"));
    }
}

package dev.dirsync.state.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Table {@code throttle_deadline}: per service, the time before which it asked for no writes. */
public final class ThrottleDeadlineDao {
    private static final String SELECT = "SELECT until FROM throttle_deadline WHERE service = ?";

    private final String upsert;

    public ThrottleDeadlineDao(Dialect dialect) {
        this.upsert = dialect.upsert("throttle_deadline", List.of("service"), List.of("service", "until"));
    }

    public Optional<Instant> find(Connection connection, String service) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, service);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Timestamps.get(rows, "until")) : Optional.empty();
            }
        }
    }

    public void save(Connection connection, String service, Instant until) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, service);
            Timestamps.set(statement, 2, until);
            statement.executeUpdate();
        }
    }
}

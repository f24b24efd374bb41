package dev.dirsync.daemon.service;

import dev.dirsync.core.UnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock of daemons sharing a PostgreSQL state database: a session-level advisory lock held
 * on one connection for the length of a run. When a daemon dies its connection closes and the
 * database releases the lock at once.
 */
public final class ClusterRunLock implements RunLock {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRunLock.class);
    /** The advisory lock key: "dirsync" in ASCII. */
    static final long KEY = 0x64697273796e63L;

    private static final Duration POLL = Duration.ofMillis(500);

    private final DataSource dataSource;

    public ClusterRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Held acquire(BooleanSupplier giveUp) {
        boolean logged = false;
        try {
            Connection connection = dataSource.getConnection();
            boolean held = false;
            try {
                connection.setAutoCommit(true);
                while (!giveUp.getAsBoolean()) {
                    if (tryLock(connection)) {
                        held = true;
                        return () -> release(connection);
                    }
                    if (!logged) {
                        LOG.info("another daemon is running a sync; waiting for it to finish");
                        logged = true;
                    }
                    Thread.sleep(POLL.toMillis());
                }
                return null;
            } finally {
                if (!held) {
                    connection.close();
                }
            }
        } catch (SQLException e) {
            throw new UnavailableException("cannot take the run lock in the state database: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void release(Connection connection) {
        try (connection;
                PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException e) {
            LOG.warn("releasing the run lock failed ({}); dropping the session instead", e.getMessage());
            abort(connection);
        }
    }

    /** Ends the database session (which releases its locks) rather than returning it to the pool. */
    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            LOG.warn("dropping the session failed: {}", e.getMessage());
        }
    }
}

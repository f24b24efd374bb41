package dev.dirsync.state.internal;

import dev.dirsync.core.DirsyncException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Borrows pooled connections, draws the transaction boundaries and maps SQL failures. Work that
 * throws (SQL or not) is rolled back; work that returned is committed before the call returns.
 */
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final SqlErrors errors;

    public Database(DataSource dataSource, Dialect dialect, String displayUrl) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.errors = new SqlErrors(displayUrl);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** One statement in auto-commit mode: its own transaction, durable when it returns. */
    public <T> T autoCommit(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw errors.translate(operation, e);
        }
    }

    /** Several statements as one transaction. */
    public <T> T transaction(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(connection);
                connection.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollback(connection, operation);
                }
            }
        } catch (SQLException e) {
            throw errors.translate(operation, e);
        }
    }

    /**
     * A read-only query whose rows are streamed: inside a transaction (PostgreSQL keeps its cursor
     * only there) with the dialect's streaming mode on.
     */
    public void stream(String operation, SqlWork<Void> work) {
        transaction(operation, connection -> {
            dialect.beginStreaming(connection);
            try {
                return work.run(connection);
            } finally {
                dialect.endStreaming(connection);
            }
        });
    }

    private static void rollback(Connection connection, String operation) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The pool discards or resets the connection; the original failure is what the caller sees.
            LOG.debug("rollback after failed '{}' failed too: {}", operation, e.getMessage());
        }
    }

    /** For callers that found a state the store cannot accept. */
    public DirsyncException failure(String operation, String why) {
        return new DirsyncException(errors.prefix() + operation + " failed: " + why);
    }
}

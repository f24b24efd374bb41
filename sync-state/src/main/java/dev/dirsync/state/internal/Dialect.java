package dev.dirsync.state.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The few statements that differ between H2 and PostgreSQL. Everything else is portable SQL. */
public enum Dialect {
    H2 {
        @Override
        public String upsert(String table, List<String> keyColumns, List<String> columns) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                    + ") VALUES (" + placeholders(columns.size()) + ")";
        }

        /** Commits reach the file before they return, whatever URL the operator wrote. */
        @Override
        public Optional<String> connectionInitSql() {
            return Optional.of("SET WRITE_DELAY 0");
        }

        /** Without lazy execution H2 materialises a result (spilling to a temporary file) before the first row. */
        @Override
        void beginStreaming(Connection connection) throws SQLException {
            execute(connection, "SET LAZY_QUERY_EXECUTION TRUE");
        }

        @Override
        void endStreaming(Connection connection) throws SQLException {
            execute(connection, "SET LAZY_QUERY_EXECUTION FALSE");
        }
    },

    POSTGRESQL {
        @Override
        public String upsert(String table, List<String> keyColumns, List<String> columns) {
            String updates = columns.stream()
                    .filter(column -> !keyColumns.contains(column))
                    .map(column -> column + " = EXCLUDED." + column)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + placeholders(columns.size()) + ") ON CONFLICT (" + String.join(", ", keyColumns)
                    + ") DO UPDATE SET " + updates;
        }

        @Override
        public Optional<String> connectionInitSql() {
            return Optional.empty();
        }

        /** The driver reads through a cursor when auto-commit is off and a fetch size is set (the caller's part). */
        @Override
        void beginStreaming(Connection connection) {
            // nothing beyond the transaction and the fetch size
        }

        @Override
        void endStreaming(Connection connection) {
            // nothing to undo
        }
    };

    /** Rows fetched per round trip while streaming. */
    public static final int STREAM_FETCH_SIZE = 1000;

    public static Dialect of(String url) {
        if (JdbcUrls.isH2(url)) {
            return H2;
        }
        if (JdbcUrls.isPostgresql(url)) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL '" + JdbcUrls.redact(url) + "'");
    }

    /** Inserts or replaces by key; parameters in {@code columns} order, which must include the keys. */
    public abstract String upsert(String table, List<String> keyColumns, List<String> columns);

    /** A statement every new pooled connection runs first. */
    public abstract Optional<String> connectionInitSql();

    /** Prepares the connection (inside a transaction) for a forward-only query that streams its rows. */
    abstract void beginStreaming(Connection connection) throws SQLException;

    /** Undoes {@link #beginStreaming} before the connection goes back to the pool. */
    abstract void endStreaming(Connection connection) throws SQLException;

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}

package dev.dirsync.daemon.service;

import dev.dirsync.core.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the scheduler's tables in a PostgreSQL state database when they are missing, from the
 * DDL the scheduler ships ({@code tables_postgres.sql}, without its DROP statements). Daemons
 * starting together serialize on a transaction-level advisory lock; the DDL runs in that
 * transaction.
 */
final class QuartzTables {
    private static final Logger LOG = LoggerFactory.getLogger(QuartzTables.class);
    static final String DDL = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** "qrtzddl" in ASCII: serializes the check and the creation between daemons. */
    private static final long DDL_LOCK = 0x7172747a64646cL;

    private QuartzTables() {}

    static void ensure(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
                if (!exists(statement)) {
                    for (String sql : statements()) {
                        statement.execute(sql);
                    }
                    LOG.info("created the scheduler's tables in the state database");
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new UnavailableException(
                    "cannot prepare the scheduler's tables in the state database: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT to_regclass('qrtz_locks') IS NOT NULL")) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** The shipped script's statements, minus comments, DROPs and its closing COMMIT. */
    static List<String> statements() {
        String script;
        try (InputStream in = QuartzTables.class.getResourceAsStream(DDL)) {
            if (in == null) {
                throw new IllegalStateException("the scheduler's DDL " + DDL + " is missing from the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the scheduler's DDL " + DDL, e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String sql : withoutComments.toString().split(";")) {
            String trimmed = sql.strip();
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (!trimmed.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
                statements.add(trimmed);
            }
        }
        return statements;
    }
}

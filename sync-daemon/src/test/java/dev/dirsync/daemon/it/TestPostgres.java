package dev.dirsync.daemon.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server integration tests use: {@code DIRSYNC_TEST_PG_URL} (default
 * jdbc:postgresql://127.0.0.1:5432/dirsync_test), user and password dirsync, as
 * {@code .ci/setup-postgres} makes it. Without one the test is skipped, except with CI=true, where it
 * fails.
 */
public final class TestPostgres {
    public static final String USER = "dirsync";
    public static final String PASSWORD = "dirsync";
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/dirsync_test";

    private TestPostgres() {}

    public static String url() {
        String url = System.getenv("DIRSYNC_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** Skips (or, on CI, fails) the calling test when no server answers. */
    public static void require() {
        try (Connection connection = connect(url())) {
            connection.isValid(2);
        } catch (SQLException e) {
            String message = "no PostgreSQL answers at " + url() + " as " + USER + " (" + e.getMessage()
                    + "); run .ci/setup-postgres or set DIRSYNC_TEST_PG_URL";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message, e);
            }
            Assumptions.abort(message);
        }
    }

    /** Creates an empty database of this name (dropping an old one) and returns its URL. */
    public static String freshDatabase(String name) throws SQLException {
        try (Connection connection = connect(url());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        }
        String base = url();
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        return base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
    }

    public static Connection connect(String url) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(url, USER, PASSWORD);
    }
}

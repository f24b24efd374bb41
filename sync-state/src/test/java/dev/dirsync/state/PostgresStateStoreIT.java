package dev.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.state.internal.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL, each test in a schema of its own. The server comes from
 * {@code DIRSYNC_TEST_PG_URL}, {@code DIRSYNC_TEST_PG_USER} and {@code DIRSYNC_TEST_PG_PASSWORD}
 * (default: the database {@code .ci/setup-postgres} creates). Without a server the tests are
 * skipped, or fail when {@code CI=true}.
 */
class PostgresStateStoreIT extends StateStoreContract {
    static final String URL = env("DIRSYNC_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/dirsync_test");
    static final String USER = env("DIRSYNC_TEST_PG_USER", "dirsync");
    static final String PASSWORD = env("DIRSYNC_TEST_PG_PASSWORD", "dirsync");
    private static final int LOGIN_TIMEOUT_SECONDS = 5;

    /** Why the tests are skipped; null when the server answered. */
    private static String unreachable;

    private String schema;

    @BeforeAll
    static void requireServer() {
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            if (!connection.isValid(LOGIN_TIMEOUT_SECONDS)) {
                Assertions.fail(
                        "PostgreSQL at " + JdbcUrls.redact(URL) + " let the test user in but stopped answering");
            }
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            if (state.startsWith("08")) {
                String message = "PostgreSQL not reachable at " + JdbcUrls.redact(URL)
                        + "; run .ci/setup-postgres to install and start one";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(message + " (CI=true: the PostgreSQL tests must run)", e);
                }
                System.err.println("[PostgresStateStoreIT skipped] " + message);
                unreachable = message;
                return;
            }
            Assertions.fail(
                    "PostgreSQL at " + JdbcUrls.redact(URL) + " refused the test connection as '" + USER + "' ("
                            + e.getMessage() + "); run .ci/setup-postgres to create the test role and database",
                    e);
        }
    }

    @Override
    protected StateStoreSettings newSettings() throws SQLException {
        Assumptions.assumeTrue(unreachable == null, unreachable);
        schema = "dirsync_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        admin("CREATE SCHEMA " + schema);
        return new StateStoreSettings(inSchema(schema), USER, PASSWORD);
    }

    @Override
    protected void cleanUp() throws SQLException {
        if (schema == null) {
            return;
        }
        admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void tablesLiveInTheConfiguredSchema() throws Exception {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name IN"
                                + " ('cursor', 'synced_object', 'run', 'object_error', 'run_error', 'pending_removal',"
                                + " 'flyway_schema_history')")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void wrongPassword_isCredentialsRejected_withoutThePassword() {
        StateStoreSettings wrong = new StateStoreSettings(inSchema(schema), USER, "not-the-password-4711");

        assertThatThrownBy(() -> JdbcStateStore.open(wrong))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageStartingWith("state store " + JdbcUrls.redact(inSchema(schema)) + ": connect failed")
                .message()
                .doesNotContain("not-the-password-4711");
    }

    @Test
    void passwordInTheUrl_neverShows() {
        String url = inSchema(schema) + "&password=" + PASSWORD + "&user=" + USER;
        StateStoreSettings inUrl = new StateStoreSettings(url, null, null);
        store.close();

        store = JdbcStateStore.open(inUrl);

        assertThat(store.toString()).contains("password=***").doesNotContain("password=" + PASSWORD);
        assertThat(inUrl.toString()).contains("password=***").doesNotContain("password=" + PASSWORD);
    }

    private static String inSchema(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

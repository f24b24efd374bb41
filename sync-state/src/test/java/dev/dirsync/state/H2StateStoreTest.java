package dev.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.CredentialsRejectedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the default database: an embedded H2 file, a new one per test. */
class H2StateStoreTest extends StateStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StateStoreSettings newSettings() {
        return StateStoreSettings.h2File(dir.resolve("data").resolve("state"));
    }

    @Test
    void open_createsTheDatabaseFileAndItsDirectory() {
        assertThat(dir.resolve("data").resolve("state.mv.db")).isRegularFile();
    }

    @Test
    void writeDelay_isZero_evenWhenTheUrlLeavesItOut() throws Exception {
        store.close();
        settings = new StateStoreSettings("jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath(), null, null);
        store = JdbcStateStore.open(settings);

        assertThat(setting("WRITE_DELAY")).isEqualTo("0");
    }

    @Test
    void wrongPassword_isCredentialsRejected_withoutThePassword() throws Exception {
        store.close();
        Path file = dir.resolve("guarded");
        StateStoreSettings owner = new StateStoreSettings(h2Url(file), "owner", "right-horse-battery");
        JdbcStateStore.open(owner).close();

        StateStoreSettings wrong = new StateStoreSettings(h2Url(file), "owner", "wrong-staple");
        assertThatThrownBy(() -> JdbcStateStore.open(wrong))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageStartingWith("state store " + h2Url(file) + ": connect failed")
                .message()
                .doesNotContain("wrong-staple")
                .doesNotContain("right-horse-battery");
    }

    @Test
    void schemaHistory_recordsEachVersionApplied() throws Exception {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
                ResultSet rows = statement.executeQuery()) {
            for (String version : new String[] {"1", "2", "3", "4"}) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(version);
                assertThat(rows.getBoolean(2)).isTrue();
            }
            assertThat(rows.next()).isFalse();
        }
    }

    private String setting(String name) throws Exception {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0";
    }
}

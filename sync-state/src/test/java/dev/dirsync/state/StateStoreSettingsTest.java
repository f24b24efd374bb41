package dev.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StateStoreSettingsTest {

    @Test
    void defaults_areAnH2FileUnderData_writtenAtEveryCommit() {
        StateStoreSettings settings = StateStoreSettings.defaults();

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:./data/dirsync;WRITE_DELAY=0");
        assertThat(settings.user()).isNull();
        assertThat(settings.password()).isNull();
        assertThat(settings.poolSize()).isEqualTo(4);
    }

    @Test
    void nullUrl_meansTheDefault() {
        assertThat(new StateStoreSettings(null, "sa", "").url()).isEqualTo(StateStoreSettings.DEFAULT_URL);
    }

    @Test
    void postgresqlUrl_isAccepted() {
        StateStoreSettings settings =
                new StateStoreSettings("jdbc:postgresql://db.corp:5432/dirsync", "dirsync", "s3cret");

        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db.corp:5432/dirsync");
    }

    @Test
    void blankUrl_isRejectedNamingStateUrl() {
        assertThatThrownBy(() -> new StateStoreSettings(" ", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state.url must not be blank");
    }

    @Test
    void otherDatabase_isRejectedNamingStateUrl_withoutItsPassword() {
        assertThatThrownBy(() -> new StateStoreSettings("jdbc:mysql://db/dirsync?password=hunter2", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "state.url must be a jdbc:h2: or jdbc:postgresql: URL, got 'jdbc:mysql://db/dirsync?password=***'");
    }

    @Test
    void blankUser_isRejectedNamingStateUser() {
        assertThatThrownBy(() -> new StateStoreSettings(null, "  ", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state.user must not be blank when set");
    }

    @Test
    void passwordWithoutUser_isRejectedNamingBoth() {
        assertThatThrownBy(() -> new StateStoreSettings(null, null, "hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state.password is set but state.user is not");
    }

    @Test
    void poolSize_outOfRange_isRejectedNamingStatePoolSize() {
        assertThatThrownBy(() -> StateStoreSettings.defaults().withPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state.poolSize must be between 1 and 32, got 0");
        assertThat(StateStoreSettings.defaults().withPoolSize(10).poolSize()).isEqualTo(10);
    }

    @Test
    void toString_neverShowsThePassword_norOneInTheUrl() {
        StateStoreSettings settings = new StateStoreSettings(
                "jdbc:postgresql://db/dirsync?sslmode=require&password=url-secret", "dirsync", "field-secret");

        assertThat(settings.toString())
                .isEqualTo("StateStoreSettings[url=jdbc:postgresql://db/dirsync?sslmode=require&password=***,"
                        + " user=dirsync, password=(redacted), poolSize=4]")
                .doesNotContain("url-secret")
                .doesNotContain("field-secret");
        assertThat(StateStoreSettings.defaults().toString()).contains("password=(none)");
    }

    @Test
    void h2File_isAnAbsoluteFileUrlWithTheDefaultSettings() {
        StateStoreSettings settings = StateStoreSettings.h2File(Path.of("/var/lib/dirsync/state"));

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:/var/lib/dirsync/state;WRITE_DELAY=0");
    }

    @Test
    void h2File_pathWithSemicolon_isRejected() {
        assertThatThrownBy(() -> StateStoreSettings.h2File(Path.of("/tmp/a;b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state.url: an H2 file path must not contain ';'");
    }
}

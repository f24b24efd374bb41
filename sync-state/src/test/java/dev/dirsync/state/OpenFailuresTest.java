package dev.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link JdbcStateStore#open} says when it cannot serve. */
class OpenFailuresTest {

    @Test
    void noServerListening_isUnavailable_namingTheUrlWithoutCredentials() throws Exception {
        int port = freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/dirsync?password=in-url-secret";
        StateStoreSettings settings = new StateStoreSettings(url, "dirsync", "field-secret");

        assertThatThrownBy(() -> JdbcStateStore.open(settings))
                .isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith(
                        "state store jdbc:postgresql://127.0.0.1:" + port + "/dirsync?password=***: connect failed")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("in-url-secret")
                        .doesNotContain("field-secret"));
    }

    @Test
    void corruptDatabaseFile_failsNamingTheUrl(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state");
        Files.writeString(dir.resolve("state.mv.db"), "this is not an H2 database file ".repeat(200));
        StateStoreSettings settings = StateStoreSettings.h2File(file);

        assertThatThrownBy(() -> JdbcStateStore.open(settings))
                .isInstanceOf(DirsyncException.class)
                .hasMessageStartingWith("state store " + settings.url() + ": connect failed");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

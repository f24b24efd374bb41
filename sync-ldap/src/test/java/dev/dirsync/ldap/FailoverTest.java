package dev.dirsync.ldap;

import static dev.dirsync.ldap.TestDirectory.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.UnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several domain controllers in source.url: tried in order, and the next one after a failed read. */
class FailoverTest {
    private TestDirectory first;
    private TestDirectory second;

    @BeforeEach
    void start() throws LDAPException {
        first = TestDirectory.start();
        second = TestDirectory.start();
        first.reset();
        second.reset();
        for (int i = 1; i <= 3; i++) {
            first.add(user("First" + i, "objectGUID:: " + guid(i)));
        }
        second.add(user("Second1", "objectGUID:: " + guid(9)));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void read_firstServerStopsAnsweringMidRead_failsCleanlyAndTheNextReadUsesTheNextServer() {
        LdapSourceSettings settings = first.settings().toBuilder()
                .url(first.url() + " " + second.url())
                .pageSize(1)
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .build();

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThat(names(source)).containsExactlyInAnyOrder("First1", "First2", "First3");

            List<String> partial = new ArrayList<>();
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {
                        partial.add(entry.commonName());
                        first.dropConnections();
                    }))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(first.url());
            assertThat(partial).hasSize(1);

            assertThat(names(source)).containsExactly("Second1");
            assertThat(names(source)).containsExactly("Second1");
        }
    }

    @Test
    void read_firstServerDown_connectsToTheSecond() throws IOException {
        String down = "ldap://127.0.0.1:" + freePort();
        LdapSourceSettings settings = first.settings().toBuilder()
                .urls(List.of(down, second.url()))
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThat(names(source)).containsExactly("Second1");
            assertThat(source.describe()).contains(down, second.url());
        }
    }

    @Test
    void read_noServerAnswers_throwsUnavailableNamingThemAll() throws IOException {
        String a = "ldap://127.0.0.1:" + freePort();
        String b = "ldap://127.0.0.1:" + freePort();
        LdapSourceSettings settings = first.settings().toBuilder()
                .urls(List.of(a, b))
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {}))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining(a)
                    .hasMessageContaining(b);
        }
    }

    private static List<String> names(LdapDirectorySource source) {
        List<String> names = new ArrayList<>();
        source.read(Optional.empty(), entry -> names.add(entry.commonName()));
        return names;
    }

    private static String guid(int n) {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) n;
        bytes[15] = (byte) 0x3C;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

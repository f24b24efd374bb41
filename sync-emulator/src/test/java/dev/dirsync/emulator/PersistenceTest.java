package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void restartOnSameFile_listsUsersOfThePreviousRun() {
        EmulatorSettings settings = EmulatorSettings.builder()
                .storeFile(dir.resolve("cloud/users.json"))
                .build();
        List<String> ids = new ArrayList<>();
        try (CloudEmulator first = CloudEmulator.start(settings)) {
            GraphClient graph = new GraphClient(first);
            ids.add(graph.createUser("ada@contoso.example", "AAAA").get("id").asText());
            ids.add(graph.createUser("bob@contoso.example", "BBBB").get("id").asText());
            graph.patch("/users/" + ids.get(1), Map.of("otherMails", List.of("bob@home.example")));
        }

        try (CloudEmulator second = CloudEmulator.start(settings)) {
            JsonNode page = new GraphClient(second)
                    .get("/users?$select=userPrincipalName,onPremisesImmutableId,otherMails")
                    .body();

            assertThat(page.get("value")).hasSize(2);
            assertThat(page.get("value").get(0).get("id").asText()).isEqualTo(ids.get(0));
            assertThat(page.get("value").get(1).get("otherMails").get(0).asText())
                    .isEqualTo("bob@home.example");
            assertThat(new GraphClient(second)
                            .post("/users", GraphClient.user("ADA@contoso.example", "CCCC"))
                            .errorMessage())
                    .contains("userPrincipalName already exists");
        }
    }

    @Test
    void restartOnSameFile_listsGroupsAndContactsOfThePreviousRun() throws IOException {
        Path store = dir.resolve("tenant.json");
        EmulatorSettings settings = EmulatorSettings.builder().storeFile(store).build();
        try (CloudEmulator first = CloudEmulator.start(settings)) {
            first.addGroup(Map.of("displayName", "Sales", "proxyAddresses", List.of("SMTP:sales@contoso.example")));
            first.addContact(Map.of("displayName", "Partner", "mail", "partner@fabrikam.example"));
        }
        assertThat(GraphClient.JSON.readTree(Files.readString(store)).fieldNames())
                .toIterable()
                .containsExactly("users", "groups", "contacts");

        try (CloudEmulator second = CloudEmulator.start(settings)) {
            GraphClient graph = new GraphClient(second);
            assertThat(graph.get("/groups")
                            .body()
                            .get("value")
                            .get(0)
                            .get("proxyAddresses")
                            .get(0)
                            .asText())
                    .isEqualTo("SMTP:sales@contoso.example");
            assertThat(graph.get("/contacts")
                            .body()
                            .get("value")
                            .get(0)
                            .get("mail")
                            .asText())
                    .isEqualTo("partner@fabrikam.example");
        }
    }

    @Test
    void flush_writesFileAtomicallyWithoutPasswords() throws IOException {
        Path store = dir.resolve("users.json");
        try (CloudEmulator emulator =
                CloudEmulator.start(EmulatorSettings.builder().storeFile(store).build())) {
            new GraphClient(emulator).createUser("ada@contoso.example", "AAAA");

            emulator.flush();

            String content = Files.readString(store);
            assertThat(GraphClient.JSON.readTree(content).get("users")).hasSize(1);
            assertThat(content).contains("ada@contoso.example").doesNotContain("Secret-Passw0rd!");
            try (var files = Files.list(dir)) {
                assertThat(files).containsExactly(store);
            }
        }
    }

    @Test
    void backgroundFlusher_writesWithoutFlushOrClose() throws Exception {
        Path store = dir.resolve("users.json");
        try (CloudEmulator emulator =
                CloudEmulator.start(EmulatorSettings.builder().storeFile(store).build())) {
            new GraphClient(emulator).createUser("ada@contoso.example", "AAAA");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
            while (!Files.exists(store) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }

            assertThat(store).exists();
            assertThat(Files.readString(store)).contains("ada@contoso.example");
        }
    }

    @Test
    void emptyOrMissingFile_startsEmpty() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        for (Path store : List.of(empty, dir.resolve("missing.json"))) {
            try (CloudEmulator emulator = CloudEmulator.start(
                    EmulatorSettings.builder().storeFile(store).build())) {
                assertThat(emulator.users()).isEmpty();
            }
        }
        assertThat(dir.resolve("missing.json")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "truncated JSON    | '{\"users\": [{\"id\": \"1\",'           | line 1, column ",
                "not a store       | '[1, 2]'                                  | expected an object with a \"users\" array",
                "user without id   | '{\"users\": [{\"displayName\": \"x\"}]}' | users[0]: ",
                "unknown property  | '{\"users\": [{\"id\": \"1\", \"x\": 1}]}' | users[0]: Property 'x'",
                "duplicate UPN     | '{\"users\": [{\"id\": \"1\", \"userPrincipalName\": \"a@b.example\"}, {\"id\": \"2\", \"userPrincipalName\": \"A@b.example\"}]}' | userPrincipalName",
                "groups not a list | '{\"users\": [], \"groups\": {}}'     | \"groups\" must be an array",
                "contact property  | '{\"users\": [], \"contacts\": [{\"id\": \"1\", \"x\": 1}]}' | contacts[0]: Property 'x' does not exist as a declared property or extension property of resource 'OrgContact'",
                "group without id  | '{\"users\": [], \"groups\": [{\"displayName\": \"x\"}]}' | inconsistent groups: "
            })
    void corruptStore_failsStartWithOneClearError(String label, String content, String expected) throws IOException {
        Path store = Files.writeString(dir.resolve("users.json"), content);

        assertThatThrownBy(() -> CloudEmulator.start(
                        EmulatorSettings.builder().storeFile(store).build()))
                .isInstanceOf(EmulatorStoreException.class)
                .hasMessageContaining(store.toString())
                .hasMessageContaining(expected);
        assertThat(Files.readString(store)).isEqualTo(content);
    }
}

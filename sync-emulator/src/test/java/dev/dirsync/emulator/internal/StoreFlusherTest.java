package dev.dirsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFlusherTest {
    @TempDir
    Path dir;

    @Test
    void flush_writesOnlyAfterChanges() throws Exception {
        UserStore store = new UserStore();
        StoreFile file = new StoreFile(dir.resolve("users.json"));
        try (StoreFlusher flusher = new StoreFlusher(store, file)) {
            flusher.flush();
            assertThat(file.path()).as("nothing changed yet").doesNotExist();

            store.create(Map.of("displayName", "Ada", "userPrincipalName", "ada@contoso.example"));
            flusher.flush();
            assertThat(file.path()).exists();

            Files.delete(file.path());
            flusher.flush();
            assertThat(file.path()).as("no change since the last write").doesNotExist();
        }
    }

    @Test
    void writtenFile_loadsBackTheSameUsersInOrder() throws Exception {
        UserStore store = new UserStore();
        store.create(Map.of("userPrincipalName", "b@contoso.example", "accountEnabled", false));
        store.create(Map.of("userPrincipalName", "a@contoso.example", "otherMails", List.of("x@y.example")));
        StoreFile file = new StoreFile(dir.resolve("users.json"));
        file.write(store.snapshot().users());

        UserStore reloaded = new UserStore();
        file.loadInto(reloaded);

        assertThat(reloaded.snapshot().users()).isEqualTo(store.snapshot().users());
    }
}

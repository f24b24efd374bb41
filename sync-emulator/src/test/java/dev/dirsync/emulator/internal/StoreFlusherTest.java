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
        TenantStore store = new TenantStore();
        StoreFile file = new StoreFile(dir.resolve("users.json"));
        try (StoreFlusher flusher = new StoreFlusher(store, file)) {
            flusher.flush();
            assertThat(file.path()).as("nothing changed yet").doesNotExist();

            store.users().create(Map.of("displayName", "Ada", "userPrincipalName", "ada@contoso.example"));
            flusher.flush();
            assertThat(file.path()).exists();

            Files.delete(file.path());
            flusher.flush();
            assertThat(file.path()).as("no change since the last write").doesNotExist();

            store.contacts().add(Map.of("displayName", "Partner", "mail", "partner@fabrikam.example"));
            flusher.flush();
            assertThat(file.path()).as("a new contact is a change").exists();
        }
    }

    @Test
    void writtenFile_loadsBackTheSameUsersInOrder() throws Exception {
        TenantStore store = new TenantStore();
        store.users().create(Map.of("userPrincipalName", "b@contoso.example", "accountEnabled", false));
        store.users()
                .create(Map.of(
                        "userPrincipalName",
                        "a@contoso.example",
                        "mail",
                        "a@contoso.example",
                        "otherMails",
                        List.of("x@y.example")));
        store.groups()
                .add(Map.of(
                        "displayName",
                        "Sales",
                        "mail",
                        "sales@contoso.example",
                        "proxyAddresses",
                        List.of("SMTP:sales@contoso.example", "smtp:team@contoso.example")));
        store.contacts().add(Map.of("displayName", "Partner", "mail", "partner@fabrikam.example"));
        StoreFile file = new StoreFile(dir.resolve("users.json"));
        file.write(store.snapshot());

        TenantStore reloaded = new TenantStore();
        file.loadInto(reloaded);

        TenantStore.Snapshot written = store.snapshot();
        TenantStore.Snapshot read = reloaded.snapshot();
        assertThat(read.users()).isEqualTo(written.users());
        assertThat(read.groups()).isEqualTo(written.groups());
        assertThat(read.contacts()).isEqualTo(written.contacts());
    }
}

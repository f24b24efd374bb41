package dev.dirsync.emulator.internal;

import java.util.List;
import java.util.Map;

/** Everything the emulator keeps for Graph: users, groups and organizational contacts. */
public record TenantStore(UserStore users, MailObjectStore groups, MailObjectStore contacts) {

    /** The three collections at one moment; {@code version} changes whenever any of them does. */
    public record Snapshot(
            long version,
            List<Map<String, Object>> users,
            List<Map<String, Object>> groups,
            List<Map<String, Object>> contacts) {}

    public TenantStore() {
        this(new UserStore(), new MailObjectStore(), new MailObjectStore());
    }

    public Snapshot snapshot() {
        UserStore.Snapshot userSnapshot = users.snapshot();
        MailObjectStore.Snapshot groupSnapshot = groups.snapshot();
        MailObjectStore.Snapshot contactSnapshot = contacts.snapshot();
        // each version only grows, so the sum changes exactly when one of them does
        return new Snapshot(
                userSnapshot.version() + groupSnapshot.version() + contactSnapshot.version(),
                userSnapshot.users(),
                groupSnapshot.objects(),
                contactSnapshot.objects());
    }
}

package dev.dirsync.core;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small builders shared by the core tests. */
public final class Fixtures {
    private Fixtures() {}

    public static Anchor anchor(String seed) {
        return Anchor.ofBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** A clean, exportable user. */
    public static SourceEntry user(String account) {
        return user(account, Attributes.builder());
    }

    /** A user with the clean defaults, overridden by {@code extra}. */
    public static SourceEntry user(String account, Attributes.Builder extra) {
        Attributes defaults = Attributes.builder()
                .add("cn", account)
                .add("displayName", account)
                .add("sAMAccountName", account)
                .add("userPrincipalName", account + "@example.com")
                .add("mail", account + "@example.com")
                .add("userAccountControl", "512")
                .build();
        Attributes.Builder merged = defaults.toBuilder();
        Attributes overrides = extra.build();
        for (String name : overrides.names()) {
            merged.remove(name).putAll(name, overrides.all(name));
        }
        return SourceEntry.live(
                "CN=" + account + ",OU=Staff,DC=corp,DC=example,DC=com",
                anchor(account),
                List.of("top", "person", "organizationalPerson", "user"),
                merged.build());
    }
}

package dev.dirsync.core.model;

import java.util.Objects;

/** A user as the cloud holds it: its cloud id and the properties dirsync owns. */
public record CloudUser(String id, MailUser user) {
    public CloudUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
    }

    public Anchor anchor() {
        return user.anchor();
    }
}

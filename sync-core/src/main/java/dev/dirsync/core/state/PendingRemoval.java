package dev.dirsync.core.state;

import dev.dirsync.core.model.Anchor;
import java.util.Objects;

/** A removal held back by the deletion threshold until an operator approves it. */
public record PendingRemoval(Anchor anchor, String cloudId, String dn, long runId, String reason) {
    public PendingRemoval {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(cloudId, "cloudId");
    }
}

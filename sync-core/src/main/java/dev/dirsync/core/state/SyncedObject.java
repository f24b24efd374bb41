package dev.dirsync.core.state;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.MailUserField;
import java.util.Arrays;
import java.util.Objects;

/**
 * An object dirsync created or matched in the cloud: its anchor, cloud id, last known DN and the
 * digest of each owned property as last exported ({@link MailUserField#digest}, in field order).
 * Only such objects are ever updated by a delta run or removed.
 *
 * @param disabled removed by disabling the cloud user ({@code removal.action: disable}): later runs
 *     leave it as it is until the person is read again
 */
public record SyncedObject(Anchor anchor, String cloudId, String dn, long[] digests, boolean disabled) {
    public SyncedObject {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(cloudId, "cloudId");
        if (digests.length != MailUserField.values().length) {
            throw new IllegalArgumentException(
                    "expected " + MailUserField.values().length + " digests, got " + digests.length);
        }
        digests = digests.clone();
    }

    /** A managed object that is not disabled. */
    public SyncedObject(Anchor anchor, String cloudId, String dn, long[] digests) {
        this(anchor, cloudId, dn, digests, false);
    }

    @Override
    public long[] digests() {
        return digests.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncedObject other
                && anchor.equals(other.anchor)
                && cloudId.equals(other.cloudId)
                && Objects.equals(dn, other.dn)
                && Arrays.equals(digests, other.digests)
                && disabled == other.disabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(anchor, cloudId, dn, Arrays.hashCode(digests), disabled);
    }

    @Override
    public String toString() {
        return "SyncedObject[" + anchor + " -> " + cloudId + ", " + dn + (disabled ? ", disabled" : "") + "]";
    }
}

package dev.dirsync.core.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** One write the planner wants the cloud to make. */
public sealed interface Change permits Change.Create, Change.Update, Change.Remove {

    Anchor anchor();

    /** Create a user that the cloud does not hold (by anchor). */
    record Create(MailUser user) implements Change {
        public Create {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public Anchor anchor() {
            return user.anchor();
        }
    }

    /** Send only {@code changed} of {@code user}'s properties to the cloud object {@code cloudId}. */
    record Update(String cloudId, MailUser user, Set<MailUserField> changed) implements Change {
        public Update {
            Objects.requireNonNull(cloudId, "cloudId");
            Objects.requireNonNull(user, "user");
            if (changed.isEmpty()) {
                throw new IllegalArgumentException("an update must change at least one property");
            }
            changed = Set.copyOf(EnumSet.copyOf(changed));
        }

        @Override
        public Anchor anchor() {
            return user.anchor();
        }
    }

    /** Remove (or disable, per configuration) a cloud user that dirsync manages. */
    record Remove(String cloudId, Anchor anchor) implements Change {
        public Remove {
            Objects.requireNonNull(cloudId, "cloudId");
            Objects.requireNonNull(anchor, "anchor");
        }
    }
}

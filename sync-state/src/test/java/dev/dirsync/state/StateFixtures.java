package dev.dirsync.state;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.SyncedObject;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/** Values the store contracts write and expect back, numbered so that each is told apart. */
final class StateFixtures {
    static final int MANY_OBJECTS = 50_000;
    private static final int FIELDS = MailUserField.values().length;

    private StateFixtures() {}

    static Anchor anchor(int i) {
        return Anchor.ofUuid(new UUID(0x5eed_0000_0000_0000L, i));
    }

    static int indexOf(Anchor anchor) {
        return (int) ByteBuffer.wrap(anchor.bytes()).getLong(8);
    }

    static long[] digests(int i) {
        long[] digests = new long[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            digests[f] = (i * 0x9E3779B97F4A7C15L) ^ ((long) f << 56) ^ (f % 2 == 0 ? -1L : 0L);
        }
        return digests;
    }

    static SyncedObject object(int i) {
        return new SyncedObject(anchor(i), "cloud-" + i, "CN=User " + i + ",OU=Staff,DC=corp,DC=example", digests(i));
    }

    static ObjectError error(int i, long runId, String kind) {
        return new ObjectError(
                anchor(i),
                "CN=User " + i,
                runId,
                kind,
                "Request_BadRequest",
                "failed " + i,
                0,
                Instant.parse("2024-05-01T10:00:00Z").plusSeconds(i));
    }

    static PendingRemoval removal(int i, long runId) {
        return new PendingRemoval(anchor(i), "cloud-" + i, "CN=User " + i, runId, "not in the directory");
    }

    static RunSummary summary(long n) {
        return new RunSummary(n, n, n, n, n, n, n, n);
    }
}

package dev.dirsync.core.engine;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.plan.CloudIndex;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.ObjectStore;
import dev.dirsync.core.port.RunLog;
import dev.dirsync.core.port.UniquenessIndex;
import dev.dirsync.core.rules.UniqueKeys;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.SyncedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends changes to the cloud in batches and books every result: counts, the cloud index, the
 * object state (so a later delta run knows what the cloud holds), the uniqueness index and
 * per-object errors. A removal by disabling is counted as deleted and recorded as disabled, so later
 * runs leave it alone.
 */
final class Exporter {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    private final CloudDirectory cloud;
    private final ObjectStore objects;
    private final RunLog runLog;
    private final UniquenessIndex uniqueness;
    private final CloudIndex index;
    private final RunCounters counters;
    private final SyncListener listener;
    private final long runId;
    private final Set<Anchor> openErrors;
    private final int batchSize;
    private final List<Change> batch = new ArrayList<>();
    private final Map<Anchor, String> dns = new HashMap<>();
    private final Set<Anchor> disabling = new HashSet<>();
    private boolean retryableFailures;

    Exporter(
            CloudDirectory cloud,
            ObjectStore objects,
            RunLog runLog,
            UniquenessIndex uniqueness,
            CloudIndex index,
            RunCounters counters,
            SyncListener listener,
            long runId,
            Set<Anchor> openErrors) {
        this.cloud = cloud;
        this.objects = objects;
        this.runLog = runLog;
        this.uniqueness = uniqueness;
        this.index = index;
        this.counters = counters;
        this.listener = listener;
        this.runId = runId;
        this.openErrors = openErrors;
        this.batchSize = Math.max(1, cloud.preferredBatchSize());
    }

    void submit(Change change, String dn) {
        listener.planned(change);
        batch.add(change);
        dns.put(change.anchor(), dn);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    /** A removal: a delete, or an update that disables the cloud user ({@code removal.action: disable}). */
    void submitRemoval(Change change, String dn) {
        if (change instanceof Change.Update) {
            disabling.add(change.anchor());
        }
        submit(change, dn);
    }

    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Change> sending = List.copyOf(batch);
        batch.clear();
        cloud.apply(sending, this::record);
        dns.clear();
        disabling.clear();
    }

    /** Whether a change failed for a passing reason: the cursor must not move past it. */
    boolean hadRetryableFailures() {
        return retryableFailures;
    }

    private void record(ChangeResult result) {
        listener.applied(result);
        Change change = result.change();
        String dn = dns.get(change.anchor());
        if (!result.succeeded()) {
            counters.failed++;
            retryableFailures |= result.outcome() == ChangeResult.Outcome.RETRYABLE;
            LOG.warn(
                    "{} of {} ({}) failed: {} {}",
                    kindOf(change),
                    change.anchor(),
                    dn,
                    result.errorCode(),
                    result.message());
            runLog.recordError(new ObjectError(
                    change.anchor(),
                    dn,
                    runId,
                    result.outcome().name().toLowerCase(Locale.ROOT),
                    result.errorCode(),
                    result.message(),
                    1,
                    Instant.now()));
            return;
        }
        count(change);
        if (openErrors.remove(change.anchor())) {
            runLog.clearError(change.anchor());
        }
        if (change instanceof Change.Remove) {
            objects.removeObject(change.anchor());
            uniqueness.removeKeys(change.anchor());
            return;
        }
        long[] digests;
        String cloudId;
        if (change instanceof Change.Update update) {
            // Only the changed properties are now known to hold the desired value.
            cloudId = update.cloudId();
            digests = index.get(update.anchor())
                    .map(CloudIndex.Entry::digests)
                    .orElseGet(() -> CloudIndex.digestsOf(update.user()));
            for (MailUserField field : update.changed()) {
                digests[field.ordinal()] = field.digest(update.user());
            }
        } else {
            cloudId = result.cloudId();
            digests = CloudIndex.digestsOf(((Change.Create) change).user());
        }
        if (cloudId == null) {
            LOG.warn(
                    "{} of {} succeeded without a cloud id; it will be matched on the next full run",
                    kindOf(change),
                    change.anchor());
            return;
        }
        index.put(cloudId, change.anchor(), digests);
        boolean disabled = disabling.contains(change.anchor());
        objects.saveObject(new SyncedObject(change.anchor(), cloudId, dn, digests, disabled));
        if (!disabled) {
            MailUser user = change instanceof Change.Update update ? update.user() : ((Change.Create) change).user();
            uniqueness.replaceKeys(change.anchor(), UniqueKeys.of(user));
        }
    }

    private void count(Change change) {
        if (change instanceof Change.Create) {
            counters.created++;
        } else if (change instanceof Change.Update && !disabling.contains(change.anchor())) {
            counters.updated++;
        } else {
            counters.deleted++;
        }
    }

    private static String kindOf(Change change) {
        return change.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}

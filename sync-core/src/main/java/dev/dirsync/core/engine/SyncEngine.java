package dev.dirsync.core.engine;

import dev.dirsync.core.RunStoppedException;
import dev.dirsync.core.engine.internal.AnchorSet;
import dev.dirsync.core.engine.internal.PlanningCloud;
import dev.dirsync.core.engine.internal.PlanningState;
import dev.dirsync.core.mapping.MailUserMapper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.plan.CloudIndex;
import dev.dirsync.core.plan.Planner;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.port.ReadResult;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.removal.RemovalSettings;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunType;
import dev.dirsync.core.state.SyncedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run. A full run indexes the cloud copy, streams the whole directory through the rules,
 * the mapper and the planner, exports changes in batches as they arise, and then removes managed
 * objects the read did not return (only when the read completed, within the deletion guard). A
 * delta run plans against the state store's digests and reads only what changed since the stored
 * cursor; tombstones and objects that left the scope arrive as deleted entries. Nothing is
 * collected: what spans the run is the cloud index, the anchors seen and the duplicate index.
 *
 * <p>A dry run is the same run against a {@link PlanningCloud} and a {@link PlanningState}: it
 * reads the cloud and the state, and of its writes keeps only its run record, marked planned.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final DirectorySource source;
    private final String sourceKey;
    private final CloudDirectory cloud;
    private final StateStore state;
    private final RuleSettings rules;
    private final MailUserMapper mapper;
    private final RemovalSettings removal;
    private final FindingSink findings;
    private final SyncListener listener;
    private final BooleanSupplier stopSignal;

    private SyncEngine(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.sourceKey = Objects.requireNonNull(b.sourceKey, "sourceKey");
        this.cloud = Objects.requireNonNull(b.cloud, "cloud");
        this.state = Objects.requireNonNull(b.state, "state");
        this.rules = Objects.requireNonNull(b.rules, "rules");
        this.mapper = Objects.requireNonNull(b.mapper, "mapper");
        this.removal = b.removal;
        this.findings = b.findings;
        this.listener = b.listener;
        this.stopSignal = b.stopSignal;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs once. A run that throws (source or target lost, or stopped by the stop signal) is
     * recorded as FAILED, yields no removals and stores no cursor.
     *
     * @throws RunStoppedException when the stop signal was raised; the batch in flight was exported
     */
    public RunResult run(RunOptions options) {
        CloudDirectory target = options.dryRun() ? new PlanningCloud(cloud) : cloud;
        StateStore store = options.dryRun() ? new PlanningState(state) : state;
        Optional<SyncCursor> since = options.type() == RunType.DELTA ? store.cursor(sourceKey) : Optional.empty();
        RunType type = since.isPresent() ? RunType.DELTA : RunType.FULL;
        if (options.type() == RunType.DELTA && since.isEmpty()) {
            LOG.info("no stored cursor for {}: this delta run reads in full", sourceKey);
        }
        RunRecord record = store.beginRun(type, options.trigger());
        Run run = new Run(record.id(), type, target, store);
        try {
            listener.started(record.id(), type);
            RunResult result = run.execute(since);
            store.finishRun(record.id(), result.status(), result.summary(), result.note());
            return result;
        } catch (RuntimeException e) {
            store.finishRun(record.id(), RunStatus.FAILED, run.counters.snapshot(), e.getMessage());
            throw e;
        }
    }

    /** The state of one run; lives only as long as {@link #run}. */
    private final class Run {
        private final long runId;
        private RunType type;
        private final CloudDirectory cloud;
        private final StateStore state;
        private final RunCounters counters = new RunCounters();
        private final Screening screening;
        private final CloudIndex index = new CloudIndex();
        private final AnchorSet seen = new AnchorSet();
        private final Removals removals;
        private DuplicateAnchors duplicateAnchors;
        private final BlockedObjects blocked;
        /** Full runs: every address the cloud holds, and the adoption of cloud users the state lost. */
        private CloudAddressIndex addresses;

        private Adoption adoption;
        private UniquenessGuard guard;
        private long live;
        private long lastProgress;

        Run(long runId, RunType type, CloudDirectory cloud, StateStore state) {
            this.runId = runId;
            this.type = type;
            this.cloud = cloud;
            this.state = state;
            this.removals = new Removals(removal, state, state);
            this.screening = new Screening(rules, this::heldBefore, findings, listener);
            this.blocked = new BlockedObjects(state, findings, runId);
        }

        /** Whether {@code anchor} held the unique value {@code key} before this run (it keeps it). */
        private boolean heldBefore(Anchor anchor, long key) {
            return anchor.equals(state.holders(new long[] {key}).get(key));
        }

        RunResult execute(Optional<SyncCursor> since) {
            loadIndex();
            List<ObjectError> open = state.openErrors();
            duplicateAnchors = new DuplicateAnchors(open);
            Set<Anchor> openErrors =
                    open.stream().map(ObjectError::anchor).collect(Collectors.toCollection(HashSet::new));
            Exporter exporter = new Exporter(cloud, state, state, state, index, counters, listener, runId, openErrors);
            Planner planner = new Planner(index);
            guard = new UniquenessGuard(state, state, addresses, cloud.matchesUnanchoredUsers());

            listener.stage("reading directory");
            ReadResult read = source.readFrom(since, entry -> {
                stopIfAsked(exporter);
                counters.read++;
                accept(entry, planner, exporter);
                progress();
            });
            SyncCursor cursor = read.cursor();
            exporter.flush();
            stopIfAsked(exporter);
            if (read.full() && type == RunType.DELTA) {
                LOG.info("the source read in full instead of a delta; objects it did not return count as removed");
                type = RunType.FULL;
            }

            String note = null;
            RunStatus status;
            if (type == RunType.FULL && live == 0 && state.objectCount() > 0) {
                note = "the directory returned no objects in scope; removals suppressed";
                LOG.warn("{} ({})", note, source.describe());
                status = RunStatus.FAILED;
            } else {
                status = removeWhatLeft(exporter);
                if (status == RunStatus.DELETION_THRESHOLD_EXCEEDED) {
                    note = removals.size() + " removals exceed the deletion threshold (" + removal.threshold()
                            + " objects or " + removal.thresholdPercent() + "%); approve them to export";
                }
            }
            if (status != RunStatus.DELETION_THRESHOLD_EXCEEDED
                    && status != RunStatus.FAILED
                    && (counters.failed > 0 || counters.blocked > 0)) {
                status = RunStatus.PARTIAL;
            }
            if (status != RunStatus.FAILED && !exporter.hadRetryableFailures()) {
                state.saveCursor(sourceKey, cursor);
            } else if (exporter.hadRetryableFailures()) {
                LOG.info(
                        "some changes failed for a passing reason: the cursor stays where it was, the next run retries");
            }
            if (status != RunStatus.FAILED) {
                duplicateAnchors.settle(state);
                if (adoption != null) {
                    adoption.settle(index, seen, addresses);
                }
            }
            Instant deferredUntil = cloud.writesDeferredUntil().orElse(null);
            if (deferredUntil != null && note == null) {
                note = "the cloud service asked for no writes before " + deferredUntil
                        + "; the changes left are retried by a run after that time";
            }
            listener.progress(counters.snapshot());
            int held = status == RunStatus.DELETION_THRESHOLD_EXCEEDED ? removals.size() : 0;
            return new RunResult(runId, type, status, counters.snapshot(), cursor, held, note, deferredUntil);
        }

        /** Between entries: on a stop request, exports the batch in flight and ends the run. */
        private void stopIfAsked(Exporter exporter) {
            if (stopSignal.getAsBoolean()) {
                exporter.flush();
                listener.progress(counters.snapshot());
                LOG.info(
                        "stop requested: run {} ends after {} entries, without removals or a new cursor",
                        runId,
                        counters.read);
                throw new RunStoppedException("stopped by shutdown");
            }
        }

        private void loadIndex() {
            if (type == RunType.DELTA) {
                listener.stage("loading state");
                state.forEachObject(index::put);
                LOG.info("delta run: {} managed objects from the state store", index.size());
                return;
            }
            listener.stage("reading cloud");
            cloud.listUsers(index::put);
            addresses = new CloudAddressIndex();
            cloud.listAddresses(addresses::put);
            adoption = new Adoption(state, state, state);
            LOG.info(
                    "cloud holds {} users with an anchor and {} objects with addresses ({})",
                    index.size(),
                    addresses.size(),
                    cloud.describe());
            reconcileState();
        }

        /**
         * Managed objects the cloud no longer holds (deleted there by hand) are forgotten, to be
         * re-created; the others are remembered as managed, for adoption.
         */
        private void reconcileState() {
            List<Anchor> gone = new ArrayList<>();
            state.forEachObject(object -> {
                if (index.contains(object.anchor())) {
                    adoption.managed(object.anchor());
                } else {
                    gone.add(object.anchor());
                }
            });
            if (!gone.isEmpty()) {
                LOG.warn("{} managed users are missing from the cloud; they will be created again", gone.size());
                for (Anchor anchor : gone) {
                    state.removeObject(anchor);
                    state.removeKeys(anchor);
                }
            }
        }

        private void accept(SourceEntry entry, Planner planner, Exporter exporter) {
            if (!entry.anchored()) {
                // reported (Anchor finding) and counted skipped or blocked; never seen, so never a
                // reason to remove anything
                screening.screen(entry, counters);
                return;
            }
            if (entry.deleted()) {
                counters.skipped++;
                managed(entry)
                        .filter(object -> !object.disabled())
                        .ifPresent(object -> removals.add(object, runId, "deleted or out of scope in the directory"));
                return;
            }
            live++;
            boolean seenBefore = seen.contains(entry.anchor());
            seen.add(entry.anchor());
            Screening.Verdict verdict = screening.screen(entry, counters);
            if (verdict.checked() != null) {
                Optional<String> otherCarrier =
                        duplicateAnchors.sighting(entry, seenBefore, () -> firstCarrierOf(exporter, entry));
                if (otherCarrier.isPresent()) {
                    if (!verdict.blocked()) {
                        counters.blocked++;
                    }
                    blocked.byDuplicateAnchor(entry, otherCarrier.get());
                    return;
                }
            }
            if (verdict.blocked()) {
                blocked.byRules(verdict.checked());
            }
            Optional<CheckResult> exportable = verdict.exportable();
            if (exportable.isEmpty()) {
                return;
            }
            MailUser desired = mapper.map(exportable.get());
            Optional<Change> change = planner.plan(desired);
            if (change.isEmpty()) {
                counters.unchanged++;
                if (adoption != null) {
                    adoption.read(entry, desired, index);
                }
                return;
            }
            Optional<UniquenessGuard.Conflict> conflict = guard.check(change.get());
            if (conflict.isPresent()) {
                counters.blocked++;
                blocked.byConflict(entry, conflict.get());
                return;
            }
            exporter.submit(change.get(), entry.dn());
        }

        /** The DN of the object read earlier in this run with the same anchor, as far as it is known. */
        private String firstCarrierOf(Exporter exporter, SourceEntry entry) {
            exporter.flush();
            return state.object(entry.anchor())
                    .map(SyncedObject::dn)
                    .filter(dn -> dn != null && !dn.equalsIgnoreCase(entry.dn()))
                    .orElse("an object read earlier in this run");
        }

        /**
         * The managed object a deleted entry stands for: by its anchor, else by the objectGUID
         * anchor a source adds when the usual anchor (mS-DS-ConsistencyGuid) may be stripped from
         * tombstones.
         */
        private Optional<SyncedObject> managed(SourceEntry entry) {
            Optional<SyncedObject> object = state.object(entry.anchor());
            String guidAnchor = entry.attributes().firstOrNull(SourceEntry.OBJECT_GUID_ANCHOR);
            if (object.isEmpty() && guidAnchor != null && !guidAnchor.isBlank()) {
                object = state.object(new Anchor(guidAnchor));
            }
            return object;
        }

        /** Removal candidates, the deletion guard, and the export of what it lets through. */
        private RunStatus removeWhatLeft(Exporter exporter) {
            if (type == RunType.FULL) {
                List<SyncedObject> unseen = new ArrayList<>();
                state.forEachObject(object -> {
                    if (!seen.contains(object.anchor()) && !object.disabled()) {
                        unseen.add(object);
                    }
                });
                unseen.forEach(object -> removals.add(object, runId, "not returned by the full read"));
            } else {
                // a delta does not read them again: held and approved removals stay candidates
                removals.addPending(state.pendingRemovals());
                removals.addPending(state.approvedRemovals());
            }
            Removals.Decision decision = removals.decide();
            if (decision.exceeded()) {
                LOG.warn(
                        "deletion threshold exceeded: {} removals held for approval",
                        decision.held().size());
                state.replacePendingRemovals(decision.held());
                decision.held().forEach(r -> listener.planned(new Change.Remove(r.cloudId(), r.anchor())));
                return RunStatus.DELETION_THRESHOLD_EXCEEDED;
            }
            for (PendingRemoval removal : decision.export()) {
                exporter.submitRemoval(removals.change(removal), removal.dn());
            }
            exporter.flush();
            state.replacePendingRemovals(List.<PendingRemoval>of());
            return RunStatus.SUCCESS;
        }

        private void progress() {
            listener.progress(counters.snapshot());
            long now = System.nanoTime();
            if (now - lastProgress > 5_000_000_000L) {
                lastProgress = now;
                state.updateRun(runId, counters.snapshot());
            }
        }
    }

    /** Assembles an engine; source, sourceKey, cloud, state, rules and mapper are required. */
    public static final class Builder {
        private DirectorySource source;
        private String sourceKey;
        private CloudDirectory cloud;
        private StateStore state;
        private RuleSettings rules;
        private MailUserMapper mapper;
        private RemovalSettings removal = RemovalSettings.defaults();
        private FindingSink findings = FindingSink.NONE;
        private SyncListener listener = SyncListener.NONE;
        private BooleanSupplier stopSignal = () -> false;

        /** @param key the source's identity for its stored cursor (URL and bases) */
        public Builder source(DirectorySource value, String key) {
            this.source = value;
            this.sourceKey = key;
            return this;
        }

        public Builder cloud(CloudDirectory value) {
            this.cloud = value;
            return this;
        }

        public Builder state(StateStore value) {
            this.state = value;
            return this;
        }

        public Builder rules(RuleSettings value) {
            this.rules = value;
            return this;
        }

        public Builder mapper(MailUserMapper value) {
            this.mapper = value;
            return this;
        }

        public Builder removal(RemovalSettings value) {
            this.removal = Objects.requireNonNull(value, "removal");
            return this;
        }

        public Builder findings(FindingSink value) {
            this.findings = Objects.requireNonNull(value, "findings");
            return this;
        }

        public Builder listener(SyncListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Checked between directory entries; once it answers true the run exports the batch in
         * flight and ends with {@link RunStoppedException}. Default: never.
         */
        public Builder stopSignal(BooleanSupplier value) {
            this.stopSignal = Objects.requireNonNull(value, "stopSignal");
            return this;
        }

        public SyncEngine build() {
            return new SyncEngine(this);
        }
    }
}

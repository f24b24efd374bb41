package dev.dirsync.core.engine;

import dev.dirsync.core.mapping.MailUserMapper;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.plan.CloudIndex;
import dev.dirsync.core.plan.Planner;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.rules.CheckResult;
import dev.dirsync.core.rules.RuleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One full sync run: index the cloud copy, stream the directory through the readiness rules, the
 * mapper and the planner, and apply the changes in batches as they arise. Nothing is collected:
 * the only run-wide state is the cloud index and the checker's duplicate index.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final DirectorySource source;
    private final CloudDirectory cloud;
    private final RuleSettings rules;
    private final MailUserMapper mapper;
    private final FindingSink findings;
    private final SyncListener listener;

    public SyncEngine(DirectorySource source, CloudDirectory cloud, RuleSettings rules, MailUserMapper mapper,
                      FindingSink findings, SyncListener listener) {
        this.source = source;
        this.cloud = cloud;
        this.rules = rules;
        this.mapper = mapper;
        this.findings = findings;
        this.listener = listener;
    }

    public RunResult run(RunOptions options) {
        listener.stage("reading cloud");
        CloudIndex index = new CloudIndex();
        cloud.listUsers(index::put);
        LOG.info("cloud holds {} users with an anchor ({})", index.size(), cloud.describe());

        listener.stage("reading directory");
        Run run = new Run(index, options);
        SyncCursor cursor = source.read(Optional.empty(), run::accept);
        run.flush();
        listener.progress(run.counters.snapshot());
        return new RunResult(run.counters.snapshot(), cursor);
    }

    /** The state of one run; lives only as long as {@link #run}. */
    private final class Run {
        private final RunCounters counters = new RunCounters();
        private final Screening screening = new Screening(rules, findings, listener);
        private final CloudIndex index;
        private final Planner planner;
        private final RunOptions options;
        private final int batchSize = Math.max(1, cloud.preferredBatchSize());
        private final List<Change> batch = new ArrayList<>();

        Run(CloudIndex index, RunOptions options) {
            this.index = index;
            this.planner = new Planner(index);
            this.options = options;
        }

        void accept(SourceEntry entry) {
            counters.read++;
            process(entry);
            listener.progress(counters.snapshot());
        }

        private void process(SourceEntry entry) {
            Optional<CheckResult> screened = screening.screen(entry, counters);
            if (screened.isEmpty()) {
                return;
            }
            CheckResult checked = screened.get();
            MailUser desired = mapper.map(checked);
            Optional<Change> change = planner.plan(desired);
            if (change.isEmpty()) {
                counters.unchanged++;
                return;
            }
            listener.planned(change.get());
            if (options.dryRun()) {
                count(change.get());
                return;
            }
            batch.add(change.get());
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Change> sending = List.copyOf(batch);
            batch.clear();
            cloud.apply(sending, this::record);
        }

        private void record(ChangeResult result) {
            listener.applied(result);
            if (!result.succeeded()) {
                counters.failed++;
                LOG.warn("{} of {} failed: {} {}", kindOf(result.change()), result.change().anchor(),
                        result.errorCode(), result.message());
                return;
            }
            count(result.change());
            if (result.change() instanceof Change.Create create && result.cloudId() != null) {
                index.put(result.cloudId(), create.user());
            } else if (result.change() instanceof Change.Update update) {
                index.put(update.cloudId(), update.user());
            }
        }

        private void count(Change change) {
            if (change instanceof Change.Create) {
                counters.created++;
            } else if (change instanceof Change.Update) {
                counters.updated++;
            } else {
                counters.deleted++;
            }
        }

        private String kindOf(Change change) {
            return change.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

package dev.dirsync.daemon.run;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.engine.SyncEngine;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.mapping.MailUserMapper;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One full sync run from a configuration, writing the cleanup report (CSV and HTML) beside it. */
public final class SyncRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    public record Outcome(RunResult result, List<Path> reportFiles) {
        public RunSummary summary() {
            return result.summary();
        }
    }

    private final DirsyncConfig config;
    private final StateStore state;
    private final List<ReportFormat> reportFormats;

    /** @param state what the run remembers; the caller owns and closes it */
    public SyncRunner(DirsyncConfig config, StateStore state) {
        this(config, state, List.of(ReportFormat.CSV, ReportFormat.HTML));
    }

    /** @param reportFormats the cleanup report files each run writes to {@code report.directory} */
    public SyncRunner(DirsyncConfig config, StateStore state, List<ReportFormat> reportFormats) {
        this.config = config;
        this.state = state;
        this.reportFormats = List.copyOf(reportFormats);
    }

    public Outcome run(RunOptions options, SyncListener listener) {
        return run(options, listener, () -> false);
    }

    /**
     * @param stopSignal checked between directory entries; when it turns true the run exports its
     *     batch in flight and ends with {@link dev.dirsync.core.RunStoppedException}
     */
    public Outcome run(RunOptions options, SyncListener listener, BooleanSupplier stopSignal) {
        Adapters.validate(config);
        Path dir = config.report().directory();
        ReportFiles reports = new ReportFiles(
                reportFormats.stream().map(f -> ReportFiles.Target.in(dir, f)).toList(),
                Adapters.reportContext(config));
        boolean committed = false;
        try (DirectorySource source = Adapters.openSource(config);
                CloudDirectory cloud = Adapters.openTarget(config, state)) {
            LOG.info("sync {} -> {}{}", source.describe(), cloud.describe(), options.dryRun() ? " (dry run)" : "");
            SyncEngine engine = SyncEngine.builder()
                    .source(source, Adapters.sourceKey(config))
                    .cloud(cloud)
                    .state(state)
                    .rules(Adapters.ruleSettings(config))
                    .mapper(new MailUserMapper(config.mapping()))
                    .removal(config.removal())
                    .findings(reports)
                    .listener(listener)
                    .stopSignal(stopSignal)
                    .build();
            RunResult result = engine.run(options);
            reports.commit();
            committed = true;
            LOG.info(
                    "{} run {} finished {}: {}",
                    result.type().label(),
                    result.runId(),
                    result.status().label(),
                    result.summary().line());
            return new Outcome(result, reports.targets());
        } finally {
            if (!committed) {
                reports.discard();
            }
        }
    }
}

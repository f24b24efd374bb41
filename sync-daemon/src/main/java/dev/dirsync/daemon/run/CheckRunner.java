package dev.dirsync.daemon.run;

import dev.dirsync.core.engine.CheckEngine;
import dev.dirsync.core.engine.CheckSummary;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.report.ReportFormat;
import dev.dirsync.report.ReportTotals;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A readiness check from a configuration: reads the directory, writes one cleanup report. */
public final class CheckRunner {

    /** @param findingsByClass every error class with its count, in {@code ErrorClass} order (docs/readiness-rules.md) */
    public record Outcome(CheckSummary summary, Path report, Map<String, Long> findingsByClass) {}

    private final DirsyncConfig config;
    private final Clock clock;

    public CheckRunner(DirsyncConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock stamps the report (fixed in golden-file tests) */
    public CheckRunner(DirsyncConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Outcome run(ReportFormat format, Path output, SyncListener listener) {
        ReportFiles.Target target = output != null
                ? new ReportFiles.Target(output, format)
                : ReportFiles.Target.in(config.report().directory(), format);
        ReportFiles reports = new ReportFiles(List.of(target), Adapters.reportContext(config, clock.instant()));
        boolean committed = false;
        try (DirectorySource source = Adapters.openSource(config)) {
            CheckSummary summary = new CheckEngine(source, Adapters.ruleSettings(config), reports, listener).run();
            ReportTotals totals = reports.commit();
            committed = true;
            Map<String, Long> byClass = new LinkedHashMap<>();
            for (ErrorClass errorClass : ErrorClass.values()) {
                byClass.put(errorClass.label(), totals.count(errorClass));
            }
            return new Outcome(summary, target.file(), byClass);
        } finally {
            if (!committed) {
                reports.discard();
            }
        }
    }
}

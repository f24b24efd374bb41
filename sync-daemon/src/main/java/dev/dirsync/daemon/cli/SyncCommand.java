package dev.dirsync.daemon.cli;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunSummary;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.SyncRunner;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Runs one full sync: read the directory, check, diff against the cloud, export.")
final class SyncCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--dry-run", description = "Read and plan, write nothing; print the planned creates and updates.")
    boolean dryRun;

    @Override
    public Integer call() {
        DirsyncConfig config = common.load();
        PrintStream out = System.out;
        ProgressPrinter progress = new ProgressPrinter(System.err);
        ChangePrinter changes = new ChangePrinter(out, System.err, dryRun);
        SyncRunner.Outcome outcome = new SyncRunner(config)
                .run(dryRun ? RunOptions.DRY_RUN : RunOptions.APPLY, SyncListeners.of(progress, changes));
        if (dryRun) {
            out.println("dry run: nothing was written; the counts below are planned changes");
        }
        out.println("cleanup report: " + outcome.reportFiles());
        out.println(outcome.summary().line());
        return exitCode(outcome.summary());
    }

    static int exitCode(RunSummary summary) {
        return summary.failed() > 0 || summary.blocked() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }
}

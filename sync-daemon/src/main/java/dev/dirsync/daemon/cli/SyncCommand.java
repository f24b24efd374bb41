package dev.dirsync.daemon.cli;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.StateStores;
import dev.dirsync.daemon.run.SyncRunner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Runs one full sync: read the directory, check, diff against the cloud, export.")
final class SyncCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dry-run", description = "Read and plan, write nothing; print the planned creates and updates.")
    boolean dryRun;

    @Override
    public Integer call() {
        DirsyncConfig config = common.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressPrinter progress = new ProgressPrinter(err);
        ChangePrinter changes = new ChangePrinter(out, err, dryRun);
        SyncRunner.Outcome outcome;
        try (StateStore state = StateStores.open(config)) {
            outcome = new SyncRunner(config, state)
                    .run(dryRun ? RunOptions.DRY_RUN : RunOptions.APPLY, SyncListeners.of(progress, changes));
        }
        if (dryRun) {
            out.println("dry run: nothing was written; the counts below are planned changes");
        }
        out.println("cleanup report: " + outcome.reportFiles());
        if (outcome.result().note() != null) {
            err.println(
                    outcome.result().status().label() + ": " + outcome.result().note());
        }
        out.println(outcome.summary().line());
        out.flush();
        return exitCode(outcome.result());
    }

    static int exitCode(RunResult result) {
        return RunExitCodes.of(result);
    }
}

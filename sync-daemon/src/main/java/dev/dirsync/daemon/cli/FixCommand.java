package dev.dirsync.daemon.cli;

import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.fix.FixItems;
import dev.dirsync.daemon.fix.FixPrinter;
import dev.dirsync.daemon.fix.FixRequest;
import dev.dirsync.daemon.fix.FixRunner;
import dev.dirsync.daemon.fix.ReportItems;
import dev.dirsync.daemon.fix.UndoItems;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "fix",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the fixes approved in a cleanup report (its ACTION column: EDIT, REMOVE, COMPLETE) "
                    + "back to the directory, or replays an undo file. Without --apply, prints what it would change "
                    + "and changes nothing.",
            "Each row's attribute is re-read first: a row whose VALUE is no longer what the directory holds is "
                    + "skipped. Before each change, the change that reverses it is appended to the undo file."
        })
final class FixCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--apply", description = "Make the changes (default: print them only).")
    boolean apply;

    @Option(
            names = "--undo-file",
            paramLabel = "FILE",
            description = "LDIF file the reversing changes are appended to (default: fix-undo-<timestamp>.ldif in "
                    + "report.directory).")
    Path undoFile;

    @Option(
            names = "--result",
            paramLabel = "FILE",
            description = "CSV file listing every row with applied, skipped or failed and why (default: "
                    + "fix-result-<timestamp>.csv in report.directory).")
    Path resultFile;

    static final class Input {
        @Option(
                names = "--input",
                required = true,
                paramLabel = "REPORT.csv",
                description = "The cleanup report with the ACTION column filled.")
        Path report;

        @Option(
                names = "--undo",
                required = true,
                paramLabel = "UNDO.ldif",
                description = "An undo file written by an earlier fix, to replay (last change first).")
        Path undo;
    }

    @Override
    public Integer call() {
        DirsyncConfig config = common.load();
        FixItems items = input.report != null ? new ReportItems(input.report) : new UndoItems(input.undo);
        FixPrinter printer = new FixPrinter(spec.commandLine().getOut());
        FixRunner.Outcome outcome =
                new FixRunner(config).run(new FixRequest(items, apply, undoFile, resultFile), printer::print);
        printer.finish(outcome);
        if (outcome.lost().isPresent()) {
            throw outcome.lost().get();
        }
        return outcome.summary().allDone() ? ExitCode.OK : ExitCode.PARTIAL;
    }
}

package dev.dirsync.daemon.cli;

import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.CheckRunner;
import dev.dirsync.report.ReportFormat;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Checks the directory against the sync-readiness rules and writes the cleanup report. "
                + "Never contacts the cloud.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "csv|json|html",
            description = "Report format (default: ${DEFAULT-VALUE}).",
            defaultValue = "csv",
            converter = FormatConverter.class)
    ReportFormat format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Report file (default: cleanup-report.<format> in report.directory).")
    Path output;

    @Override
    public Integer call() {
        DirsyncConfig config = common.load();
        java.io.PrintWriter out = spec.commandLine().getOut();
        CheckRunner.Outcome outcome = new CheckRunner(config)
                .run(format, output, new ProgressPrinter(spec.commandLine().getErr()));
        out.println("cleanup report: " + outcome.report());
        out.println("findings by error class:");
        for (Map.Entry<String, Long> entry : outcome.findingsByClass().entrySet()) {
            out.printf("  %-18s %,d%n", entry.getKey(), entry.getValue());
        }
        out.println(outcome.summary().line());
        out.flush();
        return outcome.summary().blocked() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return ReportFormat.parse(value);
        }
    }
}

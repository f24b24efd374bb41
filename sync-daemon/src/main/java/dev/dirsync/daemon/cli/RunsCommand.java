package dev.dirsync.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.daemon.admin.AdminClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "The running daemon's run history.",
        subcommands = {RunsCommand.Show.class, RunsCommand.ListRuns.class})
final class RunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One run with its per-object errors.")
    static final class Show implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The run id.")
        long id;

        @Override
        public Integer call() {
            AdminClient.Response response =
                    AdminClient.forConfig(common.load().admin()).get("/api/runs/" + id);
            if (response.status() == 404) {
                throw new DirsyncException("no run " + id);
            }
            JsonNode run = response.body();
            PrintWriter out = spec.commandLine().getOut();
            out.println("run " + run.path("id").asLong() + ": "
                    + run.path("type").asText() + ", " + run.path("status").asText()
                    + ("planned".equals(run.path("mode").asText()) ? " (dry run: planned, nothing exported)" : ""));
            out.println("  trigger:  " + run.path("trigger").asText()
                    + (run.hasNonNull("scheduledFor")
                            ? " (slot " + run.path("scheduledFor").asText() + ")"
                            : "")
                    + (run.hasNonNull("node") ? " on " + run.path("node").asText() : ""));
            out.println("  started:  " + run.path("started").asText());
            out.println("  finished: " + run.path("finished").asText("-") + " ("
                    + run.path("durationSeconds").asDouble() + " s)");
            out.println("  counts:   " + Counts.line(run.path("counts")));
            if (run.hasNonNull("note")) {
                out.println("  note:     " + run.path("note").asText());
            }
            JsonNode errors = run.path("errors");
            out.println("  errors:   " + errors.size());
            for (JsonNode error : errors) {
                out.println("    " + error.path("kind").asText() + " "
                        + error.path("code").asText("") + " "
                        + (error.hasNonNull("dn")
                                ? error.path("dn").asText()
                                : error.path("anchor").asText()) + ": "
                        + error.path("message").asText("") + " (attempt "
                        + error.path("attempts").asInt() + ")");
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The most recent runs.")
    static final class ListRuns implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(
                names = "--limit",
                defaultValue = "20",
                description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            JsonNode runs = AdminClient.forConfig(common.load().admin())
                    .get("/api/runs?limit=" + limit)
                    .body();
            PrintWriter out = spec.commandLine().getOut();
            boolean anyPlanned = false;
            for (JsonNode run : runs.path("runs")) {
                out.println(RunLines.row(run));
                anyPlanned |= "planned".equals(run.path("mode").asText());
            }
            if (anyPlanned) {
                out.println("* dry run: planned, nothing exported");
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}

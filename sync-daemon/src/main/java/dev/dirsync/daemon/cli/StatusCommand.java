package dev.dirsync.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.daemon.admin.AdminClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the running daemon's schedule, the run in progress and the last runs.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AdminClient client = AdminClient.forConfig(common.load().admin());
        JsonNode status = client.get("/api/status").body();
        PrintWriter out = spec.commandLine().getOut();
        JsonNode schedule = status.path("schedule");
        out.println("daemon " + status.path("node").asText() + " at " + client.baseUrl()
                + (status.path("staging").asBoolean() ? " (staging: runs plan, nothing is exported)" : ""));
        out.println("schedule: delta every " + schedule.path("deltaInterval").asText() + " (next "
                + schedule.path("nextDelta").asText("-") + "), full on '"
                + schedule.path("fullCron").asText() + "' (next "
                + schedule.path("nextFull").asText("-") + ")"
                + (schedule.path("clustered").asBoolean() ? ", clustered" : ""));
        JsonNode current = status.path("current");
        if (current.isObject()) {
            out.println("current: " + current.path("type").asText() + " run "
                    + current.path("runId").asText("-") + " ("
                    + current.path("trigger").asText() + ") since "
                    + current.path("started").asText() + ", "
                    + current.path("stage").asText() + ": " + Counts.line(current.path("counts")));
        } else {
            out.println("current: none");
        }
        JsonNode queued = status.path("queued");
        if (queued.isObject()) {
            out.println("queued: " + queued.path("type").asText() + " run");
        }
        out.println("last runs:");
        if (status.path("lastRuns").isEmpty()) {
            out.println("  (none)");
        }
        for (JsonNode run : status.path("lastRuns")) {
            out.println("  " + RunLines.row(run));
        }
        out.flush();
        return ExitCode.OK;
    }
}

package dev.dirsync.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.daemon.admin.AdminClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "trigger",
        mixinStandardHelpOptions = true,
        description = {
            "Asks the running daemon for a run now, follows it and exits with its status.",
            "When a run is in progress, the new one is queued (at most one waits)."
        })
final class TriggerCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Type type;

    static final class Type {
        @Option(names = "--full", required = true, description = "A full run: reads everything, detects removals.")
        boolean full;

        @Option(names = "--delta", required = true, description = "A delta run: reads the changes since the last run.")
        boolean delta;
    }

    @Option(names = "--no-wait", description = "Return once the daemon accepted the request.")
    boolean noWait;

    @Override
    public Integer call() throws InterruptedException {
        AdminClient client = AdminClient.forConfig(common.load().admin());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String typeName = type.full ? "full" : "delta";
        AdminClient.Response response = client.post("/api/runs?type=" + typeName);
        JsonNode body = response.body();
        if (response.status() == 409) {
            JsonNode running = body.path("running");
            err.println("a run is in progress"
                    + (running.hasNonNull("runId")
                            ? " (run " + running.get("runId").asLong() + ", "
                                    + running.path("type").asText() + ", "
                                    + running.path("stage").asText() + ")"
                            : "")
                    + "; a " + body.path("type").asText() + " run is queued after it");
        } else if (!response.ok()) {
            throw new DirsyncException(
                    "the daemon did not start the run: " + body.path("message").asText());
        }
        long request = body.path("request").asLong();
        if (noWait) {
            out.println("request " + request + " " + body.path("status").asText());
            out.flush();
            return ExitCode.OK;
        }
        long runId = awaitRunId(client, body, request);
        err.println(typeName + " run " + runId + " started on the daemon at " + client.baseUrl());
        err.flush();
        JsonNode run = follow(client, runId, err);
        out.println("run " + runId + " (" + run.path("type").asText() + ") "
                + run.path("status").asText() + ": " + run.path("summary").asText());
        if (run.hasNonNull("note")) {
            err.println(run.path("status").asText() + ": " + run.path("note").asText());
        }
        out.flush();
        err.flush();
        return RunExitCodes.of(RunStatus.fromLabel(run.path("status").asText()));
    }

    private long awaitRunId(AdminClient client, JsonNode accepted, long request) throws InterruptedException {
        JsonNode state = accepted;
        while (!state.hasNonNull("runId")) {
            if ("failed".equals(state.path("state").asText())) {
                throw new DirsyncException(
                        "the run did not start: " + state.path("message").asText());
            }
            Thread.sleep(POLL.toMillis());
            AdminClient.Response response = client.get("/api/requests/" + request);
            if (response.status() == 404) {
                throw new DirsyncException("the daemon no longer knows request " + request + " (was it restarted?)");
            }
            state = response.body();
        }
        return state.get("runId").asLong();
    }

    private static JsonNode follow(AdminClient client, long runId, PrintWriter err) throws InterruptedException {
        String shown = "";
        while (true) {
            AdminClient.Response response = client.get("/api/runs/" + runId);
            if (response.status() == 404) {
                throw new DirsyncException("the daemon does not know run " + runId);
            }
            JsonNode run = response.body();
            if (!"running".equals(run.path("status").asText())) {
                return run;
            }
            JsonNode counts = run.path("counts");
            String line = run.path("stage").asText("running") + ": "
                    + counts.path("read").asLong() + " entries read, "
                    + (counts.path("created").asLong()
                            + counts.path("updated").asLong()
                            + counts.path("deleted").asLong())
                    + " changes exported, " + counts.path("failed").asLong() + " failed";
            if (!line.equals(shown)) {
                err.println(line);
                err.flush();
                shown = line;
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}

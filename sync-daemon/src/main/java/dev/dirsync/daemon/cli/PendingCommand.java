package dev.dirsync.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.daemon.admin.AdminClient;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "pending",
        mixinStandardHelpOptions = true,
        description = {
            "What the daemon would export: the latest staging run's planned changes (schedule.staging),",
            "and removals held by the deletion threshold."
        })
final class PendingCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode pending =
                AdminClient.forConfig(common.load().admin()).get("/api/pending").body();
        PrintWriter out = spec.commandLine().getOut();
        if (pending.hasNonNull("message")) {
            out.println(pending.path("message").asText());
        }
        if (pending.hasNonNull("runId")) {
            out.println("staging run " + pending.path("runId").asLong() + " ("
                    + pending.path("planned").asText() + ") plans "
                    + pending.path("total").asLong() + " change(s)"
                    + (pending.path("truncated").asBoolean()
                            ? "; the first " + pending.path("changes").size() + " follow"
                            : ""));
        }
        for (JsonNode change : pending.path("changes")) {
            String who = change.hasNonNull("userPrincipalName")
                    ? change.path("userPrincipalName").asText()
                    : change.path("anchor").asText();
            out.println(change.path("kind").asText() + " " + who + " ["
                    + change.path("anchor").asText() + "]");
            Iterator<Map.Entry<String, JsonNode>> fields =
                    change.path("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.println(
                        "    " + field.getKey() + " = " + (field.getValue().isNull() ? "(cleared)" : field.getValue()));
            }
        }
        JsonNode removals = pending.path("pendingRemovals");
        out.println(removals.size() + " removal(s) held by the deletion threshold"
                + (removals.isEmpty() ? "" : " (approve with: dirsync removals approve)"));
        for (JsonNode removal : removals) {
            out.println("  remove "
                    + removal.path("dn").asText(removal.path("anchor").asText()) + " (run "
                    + removal.path("runId").asLong() + ": "
                    + removal.path("reason").asText() + ")");
        }
        JsonNode unmanaged = pending.path("unmanagedUsers");
        if (!unmanaged.isEmpty()) {
            out.println(unmanaged.size() + " cloud user(s) carry an anchor but are neither managed nor in the"
                    + " directory; they are left alone (adopt with: dirsync state adopt ANCHOR)");
            for (JsonNode user : unmanaged) {
                out.println("  " + user.path("userPrincipalName").asText("(no name)") + " ["
                        + user.path("anchor").asText() + "]");
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}

package dev.dirsync.daemon.cli;

import dev.dirsync.core.port.StateStore;
import dev.dirsync.daemon.admin.AdminClient;
import dev.dirsync.daemon.admin.DaemonUnreachableException;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.StateStores;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "removals",
        mixinStandardHelpOptions = true,
        description = "Removals held by the deletion threshold.",
        subcommands = RemovalsCommand.Approve.class)
final class RemovalsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description = {
                "Approves the held removals (all, or one run's): the next run exports them.",
                "Goes through the running daemon, or to the state store when no daemon runs."
            })
    static final class Approve implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--run", paramLabel = "ID", description = "Only the removals held by this run.")
        Long run;

        @Override
        public Integer call() {
            DirsyncConfig config = common.load();
            PrintWriter out = spec.commandLine().getOut();
            int approved;
            String via;
            try {
                AdminClient client = AdminClient.forConfig(config.admin());
                approved = client.post("/api/removals/approve" + (run == null ? "" : "?runId=" + run))
                        .body()
                        .path("approved")
                        .asInt();
                via = "the daemon at " + client.baseUrl();
            } catch (DaemonUnreachableException e) {
                try (StateStore state = StateStores.open(config)) {
                    approved = state.approveRemovals(Optional.ofNullable(run));
                }
                via = "the state store (no daemon is running)";
            }
            out.println(
                    approved == 0
                            ? "no pending removals" + (run == null ? "" : " of run " + run) + " (via " + via + ")"
                            : "approved " + approved + " removal(s) via " + via + "; the next run exports them");
            out.flush();
            return ExitCode.OK;
        }
    }
}

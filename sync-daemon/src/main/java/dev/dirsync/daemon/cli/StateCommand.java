package dev.dirsync.daemon.cli;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.UnmanagedUser;
import dev.dirsync.daemon.run.StateStores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "state",
        mixinStandardHelpOptions = true,
        description = "The state store: anchored cloud users it does not know, and their adoption.",
        subcommands = {StateCommand.Unmanaged.class, StateCommand.Adopt.class})
final class StateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "unmanaged",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the cloud users that carry an anchor but that the state does not know and the latest",
                "full run did not read: a person removed while the state was lost, or a user another tool",
                "anchored. dirsync never removes them on its own guess."
            })
    static final class Unmanaged implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StateStore state = StateStores.open(common.load())) {
                List<UnmanagedUser> users = state.unmanagedUsers();
                out.println(users.size() + " unmanaged cloud user(s)"
                        + (users.isEmpty() ? "" : " (adopt with: dirsync state adopt ANCHOR... | --all)"));
                for (UnmanagedUser user : users) {
                    out.println(
                            "  " + Optional.ofNullable(user.userPrincipalName()).orElse("(no name)") + " ["
                                    + user.object().anchor().value() + "] cloud id "
                                    + user.object().cloudId());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(
            name = "adopt",
            mixinStandardHelpOptions = true,
            description = {
                "Makes unmanaged cloud users managed: from the next full run on, one that the directory",
                "does not hold is removed like any managed object (within the deletion threshold)."
            })
    static final class Adopt implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ANCHOR", arity = "0..*", description = "The anchors to adopt.")
        List<String> anchors = new ArrayList<>();

        @Option(names = "--all", description = "Adopt every unmanaged cloud user.")
        boolean all;

        @Override
        public Integer call() {
            if (all == !anchors.isEmpty()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "name the anchors to adopt, or --all (not both)");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (StateStore state = StateStores.open(common.load())) {
                List<Anchor> wanted = all
                        ? state.unmanagedUsers().stream()
                                .map(u -> u.object().anchor())
                                .toList()
                        : anchors.stream().map(Anchor::new).toList();
                for (Anchor anchor : wanted) {
                    UnmanagedUser adopted = state.adopt(anchor)
                            .orElseThrow(() -> new DirsyncException("no unmanaged cloud user has the anchor "
                                    + anchor.value() + " (see dirsync state unmanaged)"));
                    out.println("adopted "
                            + Optional.ofNullable(adopted.userPrincipalName()).orElse(anchor.value()) + " ["
                            + anchor.value() + "]");
                }
                out.println(wanted.size() + " cloud user(s) adopted; removals of those the directory does not"
                        + " hold follow the deletion threshold from the next full run");
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}

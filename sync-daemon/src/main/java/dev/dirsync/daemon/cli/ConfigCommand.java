package dev.dirsync.daemon.cli;

import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.Adapters;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Configuration tools.",
        subcommands = ConfigCommand.Validate.class)
final class ConfigCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Validates the configuration offline (connects to nothing).")
    static final class Validate implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DirsyncConfig config = common.load();
            Adapters.validate(config);
            spec.commandLine().getOut().println("configuration " + common.config + " is valid");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}

package dev.dirsync.daemon.cli;

import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every configured command takes. */
final class CommonOptions {
    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "The YAML configuration file.")
    Path config;

    @Option(names = "--verbose", description = "Log progress and details to stderr; print stack traces on errors.")
    boolean verbose;

    DirsyncConfig load() {
        DirsyncCommand.verbose(verbose);
        return ConfigLoader.fromSystem().load(config);
    }
}

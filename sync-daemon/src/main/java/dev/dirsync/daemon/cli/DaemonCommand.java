package dev.dirsync.daemon.cli;

import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.server.Daemon;
import dev.dirsync.daemon.service.DaemonLogging;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "daemon",
        mixinStandardHelpOptions = true,
        description = {
            "Runs as a service in the foreground until stopped (SIGTERM): delta runs every"
                    + " schedule.deltaInterval, full runs on schedule.fullCron, and the admin API.",
            "Logging: logback.xml beside the configuration file when present (see config/logback.xml)."
        })
final class DaemonCommand implements Callable<Integer> {
    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "The YAML configuration file.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        DaemonLogging.configure(config);
        DirsyncConfig loaded = ConfigLoader.fromSystem().load(config);
        Daemon daemon = Daemon.start(loaded);
        Thread hook = new Thread(daemon::shutdown, "dirsync-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        daemon.awaitShutdown();
        return ExitCode.OK;
    }
}

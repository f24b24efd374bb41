package dev.dirsync.daemon.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dirsync} command and its sub-commands. */
@Command(
        name = "dirsync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Synchronizes people from Active Directory / LDAP to Microsoft Graph as mail users.",
        subcommands = {
            DemoCommand.class,
            SyncCommand.class,
            CheckCommand.class,
            ConfigCommand.class,
            GenerateCommand.class,
            DirectoryCommand.class,
            FixCommand.class,
            DaemonCommand.class,
            TriggerCommand.class,
            StatusCommand.class,
            RunsCommand.class,
            PendingCommand.class,
            StateCommand.class,
            RemovalsCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the run finished but some objects failed or were blocked",
            "2:usage or configuration error",
            "3:a source or target could not be reached or refused our credentials",
            "4:removals above the deletion threshold were held for approval"
        })
public final class DirsyncCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DirsyncCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine()
                    .getErr()
                    .println("Try 'dirsync " + ex.getCommandLine().getCommandName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    /** --verbose raises the log level to INFO (and dirsync's own to DEBUG); logs go to stderr. */
    static void verbose(boolean verbose) {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
            ((Logger) LoggerFactory.getLogger("dev.dirsync")).setLevel(Level.DEBUG);
        }
    }
}

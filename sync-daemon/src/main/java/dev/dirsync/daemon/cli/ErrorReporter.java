package dev.dirsync.daemon.cli;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.daemon.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns an exception that ended a command into one clear line on stderr and an exit code. Stack
 * traces only with --verbose.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.hasMatchedOption("--verbose")
                || (parseResult.subcommand() != null && hasVerbose(parseResult));
        int code = report(ex, err);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean hasVerbose(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static int report(Throwable ex, PrintWriter err) {
        if (ex instanceof ConfigException config) {
            for (String problem : config.problems()) {
                err.println("config error: "
                        + config.getMessage().substring(0, config.getMessage().indexOf(": ")) + ": " + problem);
            }
            return ExitCode.USAGE;
        }
        if (ex instanceof CredentialsRejectedException) {
            err.println("error: credentials rejected: " + ex.getMessage());
            return ExitCode.UNREACHABLE;
        }
        if (ex instanceof UnavailableException) {
            err.println("error: unavailable: " + ex.getMessage());
            return ExitCode.UNREACHABLE;
        }
        if (ex instanceof DirsyncException || ex instanceof IllegalArgumentException) {
            err.println("error: " + ex.getMessage());
            return ExitCode.USAGE;
        }
        err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                + " (run again with --verbose for details)");
        return ExitCode.PARTIAL;
    }
}

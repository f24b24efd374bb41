package dev.dirsync.daemon.it;

import dev.dirsync.daemon.cli.DirsyncCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code dirsync} command line in this JVM and captures what it prints. */
public record Cli(int exitCode, String out, String err) {
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DirsyncCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}

package dev.dirsync.daemon;

import dev.dirsync.daemon.cli.DirsyncCommand;

/** Entry point of the executable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(DirsyncCommand.run(args));
    }
}

package dev.dirsync.daemon.cli;

import dev.dirsync.ldap.embedded.EmbeddedDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "directory",
        mixinStandardHelpOptions = true,
        description = "Lab directory tools.",
        subcommands = DirectoryCommand.Serve.class)
final class DirectoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Serves an LDIF file over LDAP on loopback until interrupted, answering AD-style filters. */
    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description =
                    "Serves an LDIF file as an in-memory LDAP directory on 127.0.0.1 (for trials and benchmarks).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--ldif", required = true, paramLabel = "FILE", description = "The directory to serve.")
        Path ldif;

        @Option(names = "--port", defaultValue = "1389", description = "Port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind-dn", required = true, paramLabel = "DN", description = "The DN clients bind as.")
        String bindDn;

        @Option(
                names = "--password-env",
                required = true,
                paramLabel = "NAME",
                description = "Environment variable holding the bind password.")
        String passwordEnv;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            String password = System.getenv(passwordEnv);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException(
                        "--password-env: environment variable " + passwordEnv + " is not set");
            }
            try (EmbeddedDirectory directory = EmbeddedDirectory.builder()
                    .ldifFile(ldif)
                    .port(port)
                    .bindCredentials(bindDn, password)
                    .start()) {
                spec.commandLine()
                        .getOut()
                        .println("serving " + ldif + " at " + directory.ldapUrl() + " (base " + directory.baseDn()
                                + ")");
                spec.commandLine().getOut().flush();
                new CountDownLatch(1).await();
            }
            return ExitCode.OK;
        }
    }
}

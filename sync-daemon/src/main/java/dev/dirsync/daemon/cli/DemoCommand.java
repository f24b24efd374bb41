package dev.dirsync.daemon.cli;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.config.ReportConfig;
import dev.dirsync.daemon.run.SyncRunner;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import dev.dirsync.state.JdbcStateStore;
import dev.dirsync.state.StateStoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs dirsync end to end with nothing else installed: the bundled demo directory in an embedded
 * LDAP server, the cloud emulator in place of Microsoft Graph, a full sync and a second sync that
 * must write nothing.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Syncs a bundled demo directory (embedded LDAP) into the local cloud emulator, twice.")
final class DemoCommand implements Callable<Integer> {
    static final String CLIENT_ID = "dirsync-demo";
    static final String CLIENT_SECRET = "demo-only-secret";

    @Option(
            names = "--dir",
            defaultValue = "dirsync-demo",
            paramLabel = "DIR",
            description = "Working folder for the demo's cloud store and reports (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--ldif", paramLabel = "FILE", description = "Use this LDIF instead of the bundled demo directory.")
    Path ldif;

    @Option(names = "--verbose", description = "Log details to stderr.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DirsyncCommand.verbose(verbose);
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(dir);
        Path config = extract("dirsync.yaml");
        Path directory = dir.resolve("directory.ldif");
        if (ldif != null) {
            Files.copy(ldif, directory, StandardCopyOption.REPLACE_EXISTING);
        } else {
            extract("directory.ldif");
        }
        Path store = dir.resolve("cloud.json");
        Files.deleteIfExists(store);
        Path stateFile = dir.resolve("state");
        Files.deleteIfExists(dir.resolve("state.mv.db"));

        EmulatorSettings settings = EmulatorSettings.builder()
                .storeFile(store)
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .build();
        try (CloudEmulator cloud = CloudEmulator.start(settings);
                StateStore state = JdbcStateStore.open(StateStoreSettings.h2File(stateFile))) {
            DirsyncConfig loaded = new ConfigLoader(Map.of("DIRSYNC_DEMO_CLIENT_SECRET", CLIENT_SECRET)).load(config);
            DirsyncConfig demo = loaded.withTarget(loaded.target()
                            .withEndpoints(
                                    cloud.url(), cloud.tokenUrl(loaded.target().tenantId())))
                    .withReport(new ReportConfig(dir.resolve("reports")));
            out.println("dirsync demo: " + directory + " (embedded LDAP) -> cloud emulator at " + cloud.url());

            out.println();
            out.println("1) full sync into an empty cloud");
            SyncRunner.Outcome first = runOnce(demo, state);
            out.println("cleanup report: "
                    + first.reportFiles().get(first.reportFiles().size() - 1).toAbsolutePath() + " (and "
                    + first.reportFiles().get(0).getFileName() + ")");
            out.println(first.summary().line());

            long writesBefore = cloud.stats().writes();
            out.println();
            out.println("2) the same sync again: nothing changed, so nothing is written");
            SyncRunner.Outcome second = runOnce(demo, state);
            long writes = cloud.stats().writes() - writesBefore;
            out.println(second.summary().line());
            out.println();
            out.println("the cloud now holds " + cloud.users().size() + " mail users; the second run sent " + writes
                    + " write requests");
            out.flush();
            return writes == 0 && second.summary().written() == 0 ? ExitCode.OK : ExitCode.PARTIAL;
        }
    }

    private SyncRunner.Outcome runOnce(DirsyncConfig config, StateStore state) {
        PrintWriter err = spec.commandLine().getErr();
        return new SyncRunner(config, state)
                .run(
                        RunOptions.APPLY,
                        SyncListeners.of(
                                new ProgressPrinter(err),
                                new ChangePrinter(spec.commandLine().getOut(), err, false)));
    }

    private Path extract(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IOException("the demo file " + name + " is missing from this build");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}

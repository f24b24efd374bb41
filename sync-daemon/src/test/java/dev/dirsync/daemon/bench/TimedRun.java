package dev.dirsync.daemon.bench;

import dev.dirsync.cloud.graph.GraphCloudDirectory;
import dev.dirsync.cloud.graph.GraphSettings;
import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.engine.SyncEngine;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.mapping.MailUserMapper;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.config.TargetConfig;
import dev.dirsync.daemon.run.Adapters;
import dev.dirsync.daemon.run.StateStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One timed sync run of a configuration, for {@code bench/delta.sh}: the engine as {@code dirsync
 * sync} wires it (source, state store, rules, mapper, removals; no cleanup report), except that the
 * Graph adapter's write budget is lifted, since the target is the local cloud emulator and not
 * Graph (whose 20 writes per second would make a first run of 100,000 people last 80 minutes).
 * Not a test.
 *
 * <p>Arguments: {@code full|delta CONFIG}. Prints one line: the run type done, its status, wall
 * time, the time of each stage (reading the directory includes planning and exporting, which stream
 * with it), and the run's summary.
 */
public final class TimedRun {
    private static final int UNLIMITED_WRITES_PER_SECOND = 1_000_000;

    private TimedRun() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("full") || args[0].equals("delta"))) {
            System.err.println("usage: TimedRun full|delta CONFIG");
            System.exit(2);
        }
        RunType type = args[0].equals("full") ? RunType.FULL : RunType.DELTA;
        DirsyncConfig config = ConfigLoader.fromSystem().load(Path.of(args[1]));
        Adapters.validate(config);
        StageClock clock = new StageClock();
        long start = System.nanoTime();
        RunResult result;
        try (StateStore state = StateStores.open(config);
             DirectorySource source = Adapters.openSource(config);
             CloudDirectory cloud = new GraphCloudDirectory(unpaced(config.target()))) {
            result = SyncEngine.builder()
                    .source(source, Adapters.sourceKey(config))
                    .cloud(cloud)
                    .state(state)
                    .rules(Adapters.ruleSettings(config))
                    .mapper(new MailUserMapper(config.mapping()))
                    .removal(config.removal())
                    .listener(clock)
                    .build()
                    .run(new RunOptions(type, false, "bench"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s run (%s): %.1f s wall (%s); %s%n", result.type().label(),
                result.status().label(), seconds, clock.summary(), result.summary().line());
    }

    private static GraphSettings unpaced(TargetConfig target) {
        return GraphSettings.builder()
                .graphUrl(target.url())
                .tokenUrl(target.tokenUrl())
                .tenantId(target.tenantId())
                .clientId(target.clientId())
                .clientSecret(target.clientSecret().reveal())
                .writeBudget(UNLIMITED_WRITES_PER_SECOND, Duration.ofSeconds(1))
                .build();
    }

    /** Times the engine's stages ("reading cloud", "reading directory", ...), each until the next. */
    private static final class StageClock implements SyncListener {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private String current;
        private long since;

        @Override
        public void stage(String name) {
            close();
            current = name;
            since = System.nanoTime();
        }

        /** "reading cloud 1.2 s, reading directory 3.4 s"; the last stage ends now. */
        String summary() {
            close();
            return nanos.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9))
                    .collect(Collectors.joining(", "));
        }

        private void close() {
            if (current != null) {
                nanos.merge(current, System.nanoTime() - since, Long::sum);
                current = null;
            }
        }
    }
}

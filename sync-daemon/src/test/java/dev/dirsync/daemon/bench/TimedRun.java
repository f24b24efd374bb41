package dev.dirsync.daemon.bench;

import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.StateStores;
import dev.dirsync.daemon.run.SyncRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One timed sync run of a configuration through {@link SyncRunner}, as the command line and the
 * service run it, full or delta (the command line's {@code sync} runs only full ones), for
 * {@code bench/delta.sh}. Not a test.
 *
 * <p>Arguments: {@code full|delta CONFIG}. Prints one line: the run type done, its status, the wall
 * time, the time of each stage (reading the directory includes planning and exporting, which stream
 * with it), and the run's summary.
 */
public final class TimedRun {
    private TimedRun() {}

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("full") || args[0].equals("delta"))) {
            System.err.println("usage: TimedRun full|delta CONFIG");
            System.exit(2);
        }
        RunType type = args[0].equals("full") ? RunType.FULL : RunType.DELTA;
        DirsyncConfig config = ConfigLoader.fromSystem().load(Path.of(args[1]));
        StageClock clock = new StageClock();
        long start = System.nanoTime();
        RunResult result;
        try (StateStore state = StateStores.open(config)) {
            result = new SyncRunner(config, state)
                    .run(new RunOptions(type, false, "bench"), clock)
                    .result();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s run (%s): %.1f s wall (%s); %s%n",
                result.type().label(),
                result.status().label(),
                seconds,
                clock.summary(),
                result.summary().line());
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

package dev.dirsync.daemon.fix;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.port.DirectoryWriter;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.run.Adapters;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the approved fixes of a cleanup report, or replays an undo file, from a configuration.
 * The whole input is checked before anything is sent. Each item's attribute is re-read and the
 * change made only if the directory still holds what the item expected (and, for the server, still
 * does when the change arrives); the reversing change is on disk in the undo file before the change
 * is sent. A dry run reads and checks the same way, and writes nothing.
 */
public final class FixRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FixRunner.class);

    /**
     * @param undoFile the undo file, when a change was made
     * @param resultFile the result file, when the run applied
     * @param lost the failure that cut the run short (directory unreachable, bind refused); the
     *     items after it were not attempted
     */
    public record Outcome(
            FixSummary summary,
            boolean applied,
            Optional<Path> undoFile,
            Optional<Path> resultFile,
            Optional<DirsyncException> lost) {}

    private final DirsyncConfig config;
    private final Clock clock;

    public FixRunner(DirsyncConfig config) {
        this(config, Clock.systemUTC());
    }

    public FixRunner(DirsyncConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @param listener told of each item's outcome as it is known, in order */
    public Outcome run(FixRequest request, Consumer<RowOutcome> listener) {
        int items = request.items().validate();
        LOG.info("fix: {} items from {}{}", items, request.items().name(), request.apply() ? "" : " (dry run)");
        FixSummary summary = new FixSummary();
        try (DirectoryWriter writer = Adapters.openWriter(config)) {
            if (!request.apply()) {
                RowProcessor processor = new RowProcessor(
                        writer, (item, ready) -> RowOutcome.of(item, RowOutcome.Kind.PLANNED, ready.describe()));
                request.items().forEach(item -> record(processor.process(item), summary, listener));
                return new Outcome(summary, false, Optional.empty(), Optional.empty(), processor.lost());
            }
            FixFiles files = FixFiles.resolve(
                    config.report().directory(), clock.instant(), request.undoFile(), request.resultFile());
            refuseClashes(request.items().file(), files);
            try (UndoJournal journal =
                            new UndoJournal(files.undo(), request.items().name(), clock);
                    ResultFile results = ResultFile.create(files.result())) {
                RowProcessor processor = new RowProcessor(writer, new Sender(writer, journal));
                request.items().forEach(item -> {
                    RowOutcome outcome = processor.process(item);
                    results.write(outcome);
                    record(outcome, summary, listener);
                });
                LOG.info("fix finished: {}", summary.line(true));
                return new Outcome(
                        summary,
                        true,
                        journal.written() ? Optional.of(files.undo()) : Optional.empty(),
                        Optional.of(files.result()),
                        processor.lost());
            }
        }
    }

    private static void record(RowOutcome outcome, FixSummary summary, Consumer<RowOutcome> listener) {
        summary.add(outcome);
        listener.accept(outcome);
    }

    /** Writing over the input, or both files into one, would lose what the run is made of. */
    private static void refuseClashes(Path input, FixFiles files) {
        if (same(files.undo(), input)) {
            throw new IllegalArgumentException("--undo-file must not be the input file " + input);
        }
        if (same(files.result(), input)) {
            throw new IllegalArgumentException("--result must not be the input file " + input);
        }
        if (same(files.result(), files.undo())) {
            throw new IllegalArgumentException(
                    "--result and --undo-file must name different files, both are " + files.result());
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}

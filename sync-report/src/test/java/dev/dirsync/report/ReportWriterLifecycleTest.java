package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportWriterLifecycleTest {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void close_completesTheOutput_butLeavesTheStreamOpen(ReportFormat format) {
        CloseRecordingStream out = new CloseRecordingStream();
        ReportWriter writer = ReportWriters.open(format, out, ReportFixtures.CONTEXT);
        ReportFixtures.feed(writer, ReportFixtures.sample());
        writer.close();

        assertThat(writer.format()).isEqualTo(format);
        assertThat(out.closed).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(ReportFixtures.render(format, ReportFixtures.sample()));
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void closeAgain_writesNothingMore(ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter writer = ReportWriters.open(format, out, ReportFixtures.CONTEXT);
        writer.close();
        int size = out.size();

        writer.close();

        assertThat(size).isPositive();
        assertThat(out.size()).isEqualTo(size);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void acceptAfterClose_isRefused(ReportFormat format) {
        ReportWriter writer = ReportWriters.open(format, new ByteArrayOutputStream(), ReportFixtures.CONTEXT);
        writer.close();
        ReportFixtures.Item item = ReportFixtures.sample().get(0);

        assertThatThrownBy(() -> writer.accept(item.entry(), item.finding()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void streamFailure_surfacesAsReportOutputException_byCloseAtTheLatest(ReportFormat format) {
        assertThatThrownBy(() -> {
                    try (ReportWriter writer = ReportWriters.open(format, new BrokenStream(), ReportFixtures.CONTEXT)) {
                        ReportFixtures.feed(writer, ReportFixtures.sample());
                    }
                })
                .isInstanceOf(ReportOutputException.class)
                .hasMessageContaining("could not write the " + format + " report")
                .hasMessageContaining("No space left on device")
                .hasCauseInstanceOf(IOException.class)
                .hasNoSuppressedExceptions();
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void afterAFailure_closeIsQuiet_andAcceptRefuses(ReportFormat format) {
        ReportWriter writer = ReportWriters.open(format, new BrokenStream(), ReportFixtures.CONTEXT);
        assertThatThrownBy(writer::close).isInstanceOf(ReportOutputException.class);
        ReportFixtures.Item item = ReportFixtures.sample().get(0);

        writer.close();

        assertThatThrownBy(() -> writer.accept(item.entry(), item.finding()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not be written earlier")
                .hasCauseInstanceOf(ReportOutputException.class);
    }

    private static final class BrokenStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private static final class CloseRecordingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}

package dev.dirsync.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void run_saysWhetherItWasPlannedOrDone() {
        assertThat(Views.run(record(true))).containsEntry("mode", "planned");
        assertThat(Views.run(record(false))).containsEntry("mode", "done");
    }

    private static RunRecord record(boolean planned) {
        return new RunRecord(
                7,
                RunType.FULL,
                "cli",
                AT,
                AT.plusSeconds(3),
                RunStatus.SUCCESS,
                new RunSummary(2, 0, 0, 2, 0, 0, 0, 0),
                null,
                planned);
    }
}

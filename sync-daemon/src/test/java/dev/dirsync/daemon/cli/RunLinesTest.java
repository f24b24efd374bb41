package dev.dirsync.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void row_marksADryRunsStatusAsPlanned() throws Exception {
        assertThat(RunLines.row(run("planned"))).contains(" success*  ");
        assertThat(RunLines.row(run("done"))).contains(" success   ").doesNotContain("*");
    }

    private static JsonNode run(String mode) throws Exception {
        return JSON.readTree(
                """
                {"id": 3, "type": "full", "status": "success", "mode": "%s", "trigger": "cli",
                 "started": "2026-01-02T03:04:05Z", "summary": "read=2 skipped=0 blocked=0 created=2 updated=0 \
                deleted=0 unchanged=0 failed=0"}
                """
                        .formatted(mode));
    }
}

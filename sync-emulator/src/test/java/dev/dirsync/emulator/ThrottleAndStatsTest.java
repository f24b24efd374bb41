package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.emulator.GraphClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleAndStatsTest {

    @Test
    void writesAboveTheRate_answer429WithRetryAfter() {
        try (CloudEmulator emulator = CloudEmulator.start(
                EmulatorSettings.builder().writesPerSecond(2).build())) {
            GraphClient graph = new GraphClient(emulator);
            List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(graph.post("/users", GraphClient.user("user" + i + "@contoso.example", "anchor" + i)));
            }

            Reply throttled = replies.stream()
                    .filter(reply -> reply.status() == 429)
                    .findFirst()
                    .orElseThrow();
            assertThat(throttled.header("Retry-After")).isEqualTo("1");
            assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
            assertThat(throttled.body().at("/error/innerError/request-id").asText())
                    .isNotBlank();
            long created =
                    replies.stream().filter(reply -> reply.status() == 201).count();
            assertThat(emulator.users()).hasSize((int) created);
            assertThat(emulator.stats().throttled()).isEqualTo(replies.size() - created);
            assertThat(graph.get("/users").status())
                    .as("reads are not throttled")
                    .isEqualTo(200);
        }
    }

    @Test
    void stats_countEachKindOfRequest() {
        try (CloudEmulator emulator = CloudEmulator.start(EmulatorSettings.defaults())) {
            GraphClient graph = new GraphClient(emulator);
            String ada =
                    graph.createUser("ada@contoso.example", "AAAA").get("id").asText();
            String bob =
                    graph.createUser("bob@contoso.example", "BBBB").get("id").asText();
            graph.patch("/users/" + ada, Map.of("surname", "Lovelace"));
            graph.delete("/users/" + bob);
            graph.post("/users", GraphClient.user("ADA@contoso.example", "CCCC"));
            graph.get("/users");
            graph.get("/users/" + ada);

            EmulatorStats stats = emulator.stats();

            assertThat(stats).isEqualTo(new EmulatorStats(1, 2, 2, 1, 1, 1, 0));
            assertThat(stats.writes()).isEqualTo(4);

            emulator.resetStats();
            assertThat(emulator.stats()).isEqualTo(new EmulatorStats(0, 0, 0, 0, 0, 0, 0));
        }
    }
}

package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.GraphClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTest {
    private CloudEmulator emulator;
    private GraphClient graph;

    @BeforeEach
    void start() {
        emulator = CloudEmulator.start(EmulatorSettings.defaults());
        graph = new GraphClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void batch_answersEachRequestInOrder() {
        String ada = graph.createUser("ada@contoso.example", "AAAA").get("id").asText();
        List<Map<String, Object>> requests = List.of(
                item("1", "POST", "/users", GraphClient.user("bob@contoso.example", "BBBB")),
                item("2", "POST", "users", GraphClient.user("ADA@contoso.example", "CCCC")),
                item("3", "PATCH", "/users/" + ada, Map.of("surname", "Lovelace")),
                item("4", "GET", "/users?$filter=onPremisesImmutableId%20eq%20'AAAA'&$select=surname", null),
                item("5", "DELETE", "/users/" + ada, null));

        Reply reply = graph.post("/$batch", Map.of("requests", requests));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode responses = reply.body().get("responses");
        assertThat(statuses(responses)).containsExactly("1:201", "2:400", "3:204", "4:200", "5:204");
        assertThat(responses.get(1).at("/body/error/message").asText()).contains("userPrincipalName already exists");
        assertThat(responses.get(3).at("/body/value/0/surname").asText()).isEqualTo("Lovelace");
        assertThat(emulator.users())
                .extracting(user -> user.get("userPrincipalName"))
                .containsExactly("bob@contoso.example");
        assertThat(emulator.stats().writes()).isEqualTo(1 + 3);
    }

    @Test
    void batchAboveTwentyRequests_answers400() {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            requests.add(item(Integer.toString(i), "GET", "/users", null));
        }

        Reply reply = graph.post("/$batch", Map.of("requests", requests));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains("limit is 20");
        assertThat(emulator.stats().reads()).isZero();
    }

    @Test
    void throttledItem_carriesRetryAfterInItsHeaders() {
        emulator.close();
        emulator = CloudEmulator.start(
                EmulatorSettings.builder().writesPerSecond(1).build());
        graph = new GraphClient(emulator);

        Reply reply = graph.post(
                "/$batch",
                Map.of(
                        "requests",
                        List.of(
                                item("a", "POST", "/users", GraphClient.user("ada@contoso.example", "AAAA")),
                                item("b", "POST", "/users", GraphClient.user("bob@contoso.example", "BBBB")))));

        JsonNode second = reply.body().get("responses").get(1);
        assertThat(second.get("status").asInt()).isEqualTo(429);
        assertThat(second.at("/headers/Retry-After").asText()).isEqualTo("1");
        assertThat(second.at("/body/error/code").asText()).isEqualTo("TooManyRequests");
    }

    private static Map<String, Object> item(String id, String method, String url, Map<String, Object> body) {
        return body == null
                ? Map.of("id", id, "method", method, "url", url)
                : Map.of(
                        "id",
                        id,
                        "method",
                        method,
                        "url",
                        url,
                        "body",
                        body,
                        "headers",
                        Map.of("Content-Type", "application/json"));
    }

    private static List<String> statuses(JsonNode responses) {
        List<String> statuses = new ArrayList<>();
        responses.forEach(response -> statuses.add(
                response.get("id").asText() + ":" + response.get("status").asInt()));
        return statuses;
    }
}

package dev.dirsync.cloud.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class BatchJsonTest {
    private static final GraphEndpoints ENDPOINTS = new GraphEndpoints("https://graph.microsoft.com");
    private static final HttpUrl USER = ENDPOINTS.user("id-1");

    private static HttpReply envelope(String contentType, String body) {
        return new HttpReply(ENDPOINTS.batch(), 200, contentType, null, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void endpoints_batchAndRelativeUrls() {
        assertThat(ENDPOINTS.batch().toString()).isEqualTo("https://graph.microsoft.com/v1.0/$batch");
        assertThat(ENDPOINTS.relative(ENDPOINTS.users())).isEqualTo("/users");
        assertThat(ENDPOINTS.relative(ENDPOINTS.user("a b/c"))).isEqualTo("/users/a%20b%2Fc");
        assertThat(ENDPOINTS.relative(ENDPOINTS.findUsers("mail eq 'o''neil@x.example'", true)))
                .isEqualTo(
                        "/users?$filter=mail%20eq%20%27o%27%27neil%40x.example%27&$select=id,userPrincipalName,onPremisesImmutableId&$count=true");
    }

    @Test
    void request_aDeleteHasNeitherBodyNorHeaders() {
        WriteRequest remove = WriteRequest.of(new Change.Remove("id-1", new Anchor("QQ==")), ENDPOINTS, null);

        assertThat(BatchJson.request(List.of("7"), List.of(remove), ENDPOINTS).toString())
                .isEqualTo("{\"requests\":[{\"id\":\"7\",\"method\":\"DELETE\",\"url\":\"/users/id-1\"}]}");
    }

    @Test
    void responses_headersAnyCase_retryAfterAsNumber_bodyAsJson_unknownIdsLeftOut() throws IOException {
        HttpReply envelope = envelope(
                "application/json;odata.metadata=minimal",
                """
                {"responses": [
                  {"id": "1", "status": 429, "headers": {"retry-after": 7, "content-type": "application/json"},
                   "body": {"error": {"code": "TooManyRequests", "message": "Slow down."}}},
                  {"id": "2", "status": 204},
                  {"id": "99", "status": 204}]}""");

        Map<String, HttpReply> answers = BatchJson.responses(envelope, Map.of("1", USER, "2", USER));

        assertThat(answers).containsOnlyKeys("1", "2");
        HttpReply throttled = answers.get("1");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.retryAfter()).isEqualTo("7");
        assertThat(throttled.url()).isEqualTo(USER);
        assertThat(GraphError.of(throttled).summary())
                .isEqualTo(
                        "HTTP 429 from https://graph.microsoft.com/v1.0/users/id-1 (application/json): TooManyRequests: Slow down.");
        assertThat(answers.get("2").body()).isEmpty();
    }

    @Test
    void responses_aJsonBodyWithoutContentType_isStillJson() throws IOException {
        HttpReply envelope = envelope(
                "application/json",
                """
                {"responses": [{"id": "1", "status": 201, "body": {"id": "new-1"}}]}""");

        HttpReply created = BatchJson.responses(envelope, Map.of("1", USER)).get("1");

        assertThat(created.isJson()).isTrue();
        assertThat(GraphUserJson.id(GraphJson.tree(created.body()))).contains("new-1");
    }

    @Test
    void responses_notABatchAnswer_refused() {
        assertThatThrownBy(() -> BatchJson.responses(envelope("text/html", "<html/>"), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("not JSON");
        assertThatThrownBy(() -> BatchJson.responses(envelope("application/json", "{\"value\": []}"), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("it has no \"responses\" array");
        assertThatThrownBy(() -> BatchJson.responses(envelope("application/json", "{\"responses\": [{"), Map.of()))
                .isInstanceOf(IOException.class);
    }
}

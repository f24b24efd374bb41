package dev.dirsync.cloud.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.cloud.internal.HttpReply;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphErrorTest {
    private static final HttpUrl URL = HttpUrl.get("https://graph.example/v1.0/users?$select=id");

    private static HttpReply reply(int status, String contentType, String body) {
        return new HttpReply(URL, status, contentType, null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String code, String message) {
        return "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}";
    }

    @Test
    void of_graphBody_codeAndMessage() {
        GraphError error = GraphError.of(reply(400, "application/json", error("Request_BadRequest", "Invalid value.")));

        assertThat(error.code()).isEqualTo("Request_BadRequest");
        assertThat(error.message()).isEqualTo("Invalid value.");
        assertThat(error.summary())
                .isEqualTo(
                        "HTTP 400 from https://graph.example/v1.0/users (application/json): Request_BadRequest: Invalid value.");
        assertThat(error.isUniquenessConflict()).isFalse();
    }

    /**
     * | content type | body                       |
     * |--------------|----------------------------|
     * | text/html    | a proxy's page             |
     * | JSON         | truncated                  |
     * | JSON         | valid, but not Graph's     |
     * | none         | empty                      |
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "text/html; charset=iso-8859-1 | <html><body>Bad Gateway</body></html>",
                "application/json              | {\"error\": {\"code\": ",
                "application/json              | {\"message\": \"upstream timed out\"}",
                "NONE                          | ''",
            })
    void of_foreignBody_saysSoInsteadOfFailing(String contentType, String body) {
        GraphError error = GraphError.of(reply(502, contentType, body));

        assertThat(error.fromGraph()).isFalse();
        assertThat(error.code()).isEqualTo("HTTP_502");
        assertThat(error.message())
                .startsWith("HTTP 502 from https://graph.example/v1.0/users (")
                .endsWith("), not a Graph error body");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Another object with the same value for property userPrincipalName already exists.",
                "Another object with the same value for property proxyAddresses already exists.",
                "A conflicting object with one or more of the specified property values is present in the directory.",
            })
    void isUniquenessConflict_graphsUniquenessMessages(String message) {
        assertThat(GraphError.of(reply(400, "application/json", error("Request_BadRequest", message)))
                        .isUniquenessConflict())
                .isTrue();
    }

    @Test
    void isUniquenessConflict_objectConflictDetail() {
        String body =
                """
                {"error": {"code": "Request_BadRequest", "message": "Property value conflict.",
                 "details": [{"target": "mailNickname", "code": "ObjectConflict"}]}}""";

        assertThat(GraphError.of(reply(400, "application/json", body)).isUniquenessConflict())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({"400, true", "409, true", "403, false", "500, false"})
    void isUniquenessConflict_400Or409Only(int status, boolean conflict) {
        String body =
                error("Request_BadRequest", "Another object with the same value for property mail already exists.");

        assertThat(GraphError.of(reply(status, "application/json", body)).isUniquenessConflict())
                .isEqualTo(conflict);
    }

    @Test
    void isUniquenessConflict_409WithoutTheUniquenessWords_isNot() {
        String body = error("Request_ResourceConflict", "The object was changed by another request.");

        assertThat(GraphError.of(reply(409, "application/json", body)).isUniquenessConflict())
                .isFalse();
    }

    @Test
    void conflictProperty_fromTheDetailElseFromTheMessage() {
        String detailed =
                """
                {"error": {"code": "Request_BadRequest", "message": "Property value conflict.",
                 "details": [{"target": "displayName", "code": "InvalidValue"},
                             {"target": "mailNickname", "code": "ObjectConflict"}]}}""";
        String worded = error(
                "Request_BadRequest", "Another object with the same value for property proxyAddresses already exists.");
        String neither = error(
                "Request_BadRequest",
                "A conflicting object with one or more of the specified property values is present in the directory.");

        assertThat(GraphError.of(reply(400, "application/json", detailed)).conflictProperty())
                .contains("mailNickname");
        assertThat(GraphError.of(reply(400, "application/json", worded)).conflictProperty())
                .contains("proxyAddresses");
        assertThat(GraphError.of(reply(400, "application/json", neither)).conflictProperty())
                .isEmpty();
    }
}

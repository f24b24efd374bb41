package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.emulator.GraphClient.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenEndpointTest {
    private static CloudEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = CloudEmulator.start(EmulatorSettings.builder()
                .clientId("app-1")
                .clientSecret("s3cret")
                .build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void validClientCredentials_anyTenant_grantBearerToken() {
        Reply reply = GraphClient.postForm(
                emulator.tokenUrl("11111111-2222-3333-4444-555555555555"), GraphClient.tokenForm("app-1", "s3cret"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.body().get("expires_in").asInt()).isEqualTo(3599);
        assertThat(reply.body().get("access_token").asText()).isNotBlank();
        assertThat(emulator.stats().tokenRequests()).isPositive();
    }

    /**
     * | case            | status | error                  |
     * |-----------------|--------|------------------------|
     * | wrong secret    | 401    | invalid_client         |
     * | unknown client  | 401    | invalid_client         |
     * | other grant     | 400    | unsupported_grant_type |
     * | no scope        | 400    | invalid_request        |
     * | non-.default    | 400    | invalid_scope          |
     */
    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("wrong secret", Map.of("client_secret", "guess"), 401, "invalid_client"),
                Arguments.of("unknown client", Map.of("client_id", "app-2"), 401, "invalid_client"),
                Arguments.of("other grant", Map.of("grant_type", "password"), 400, "unsupported_grant_type"),
                Arguments.of("no scope", Map.of("scope", ""), 400, "invalid_request"),
                Arguments.of("non-.default scope", Map.of("scope", "User.ReadWrite.All"), 400, "invalid_scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void badTokenRequest_refusedWithOAuthError(String label, Map<String, String> override, int status, String error) {
        Map<String, String> form = new HashMap<>(GraphClient.tokenForm("app-1", "s3cret"));
        form.putAll(override);

        Reply reply = GraphClient.postForm(emulator.tokenUrl("contoso"), form);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().get("error").asText()).isEqualTo(error);
        assertThat(reply.body().get("error_description").asText()).isNotBlank().doesNotContain("s3cret");
        assertThat(reply.body().has("access_token")).isFalse();
    }

    @Test
    void unknownPathOutsideGraph_answers404() {
        Reply reply = GraphClient.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/beta/users"))
                .GET());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("NotFound");
    }
}

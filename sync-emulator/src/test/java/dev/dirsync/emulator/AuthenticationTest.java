package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.emulator.GraphClient.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticationTest {
    private static CloudEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = CloudEmulator.start(EmulatorSettings.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "Authorization: [{0}]")
    @CsvSource(
            nullValues = "none",
            value = {
                "none, Access token is empty.",
                "'Bearer ', Access token is empty.",
                "Basic dXNlcjpwYXNz, Access token is empty.",
                "Bearer not-issued-here, Access token validation failure. Invalid audience."
            })
    void graphCallWithoutIssuedToken_answers401(String authorization, String message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.graphUrl() + "/users"))
                .header("client-request-id", "my-correlation-id");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }

        Reply reply = GraphClient.send(request.GET());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(reply.errorMessage()).isEqualTo(message);
        assertThat(reply.body().at("/error/innerError/request-id").asText()).isEqualTo(reply.header("request-id"));
        assertThat(reply.body().at("/error/innerError/client-request-id").asText())
                .isEqualTo("my-correlation-id");
    }

    @Test
    void graphCallWithIssuedToken_isServed() {
        Reply reply = new GraphClient(emulator).get("/users");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("value").isArray()).isTrue();
    }
}

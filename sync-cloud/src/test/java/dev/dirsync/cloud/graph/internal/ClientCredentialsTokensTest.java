package dev.dirsync.cloud.graph.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.MutableClock;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.cloud.internal.RetrySettings;
import dev.dirsync.core.UnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientCredentialsTokensTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final OkHttpClient client = HttpClients.create(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T07:00:00Z"));
    private ClientCredentialsTokens tokens;

    @BeforeEach
    void start() {
        HttpPolicy http = new HttpPolicy(
                client, RetrySettings.withMaxAttempts(2), new RecordingSleeper(), clock, new SplittableRandom(3));
        tokens = new ClientCredentialsTokens(
                http,
                server.baseUrl() + "/t/oauth2/v2.0/token",
                "client-1",
                "the-secret",
                "https://graph.microsoft.com/.default",
                clock);
    }

    @AfterEach
    void stop() {
        HttpClients.shutdown(client);
    }

    private void stubTokens(long expiresIn, String... values) {
        String state = Scenario.STARTED;
        for (int i = 0; i < values.length; i++) {
            String next = "token " + (i + 1);
            var stub = post(urlEqualTo("/t/oauth2/v2.0/token"))
                    .inScenario("tokens")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\""
                            + values[i] + "\"}"));
            server.stubFor(i == values.length - 1 ? stub : stub.willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void authorization_isCachedUntilSixtySecondsBeforeExpiry() {
        stubTokens(3600, "first", "second");

        assertThat(tokens.authorization()).isEqualTo("Bearer first");
        clock.advance(Duration.ofSeconds(3539));
        assertThat(tokens.authorization()).isEqualTo("Bearer first");
        server.verify(1, postRequestedFor(urlEqualTo("/t/oauth2/v2.0/token")));

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.authorization()).isEqualTo("Bearer second");
        server.verify(2, postRequestedFor(urlEqualTo("/t/oauth2/v2.0/token")));
    }

    @Test
    void invalidate_onlyTheRejectedTokenIsForgotten() {
        stubTokens(3600, "first", "second", "third");
        tokens.authorization();

        tokens.invalidate("Bearer something-older");
        assertThat(tokens.authorization()).isEqualTo("Bearer first");

        tokens.invalidate("Bearer first");
        assertThat(tokens.authorization()).isEqualTo("Bearer second");
    }

    @Test
    void expiresInAsString_isAccepted() {
        server.stubFor(post(urlEqualTo("/t/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":\"3599\",\"access_token\":\"abc\"}")));

        tokens.authorization();
        clock.advance(Duration.ofSeconds(3500));
        tokens.authorization();

        server.verify(1, postRequestedFor(urlEqualTo("/t/oauth2/v2.0/token")));
    }

    @Test
    void answerWithoutAccessToken_unavailable() {
        server.stubFor(post(urlEqualTo("/t/oauth2/v2.0/token")).willReturn(okJson("{\"token_type\":\"Bearer\"}")));

        assertThatThrownBy(tokens::authorization)
                .isInstanceOf(UnavailableException.class)
                .hasMessageEndingWith("carries no access_token");
    }

    @Test
    void toString_namesEndpointAndClientOnly() {
        stubTokens(3600, "first");
        tokens.authorization();

        assertThat(tokens.toString()).contains("client-1").doesNotContain("the-secret", "first");
    }
}

package dev.dirsync.cloud.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pacer the policy consults around every attempt. */
class HttpPolicyPacingTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final OkHttpClient client = HttpClients.create(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingPacer pacer = new RecordingPacer();

    @AfterEach
    void stop() {
        HttpClients.shutdown(client);
    }

    /** Counts attempts and keeps what each throttle named. */
    private static final class RecordingPacer implements Pacer {
        int attempts;
        final List<Optional<Duration>> throttles = new ArrayList<>();
        boolean interrupt;

        Instant deferUntil;

        @Override
        public Optional<Instant> beforeAttempt() throws InterruptedException {
            if (interrupt) {
                throw new InterruptedException("stop");
            }
            attempts++;
            return Optional.ofNullable(deferUntil);
        }

        @Override
        public void throttled(Optional<Duration> retryAfter) {
            throttles.add(retryAfter);
        }
    }

    private Exchange<Void> send() {
        HttpPolicy policy = new HttpPolicy(
                client, RetrySettings.withMaxAttempts(6), sleeper, Clock.systemUTC(), new SplittableRandom(1));
        return policy.send(
                new Request.Builder().url(server.baseUrl() + "/thing").get().build(), null, RetryGuard.none(), pacer);
    }

    private void stubSequence(ResponseDefinitionBuilder... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = "reply " + (i + 1);
            var stub = get(urlEqualTo("/thing"))
                    .inScenario("sequence")
                    .whenScenarioStateIs(state)
                    .willReturn(replies[i]);
            server.stubFor(i == replies.length - 1 ? stub : stub.willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void everyAttempt_isPacedAndEveryThrottleReported() {
        stubSequence(
                aResponse().withStatus(429).withHeader("Retry-After", "3"),
                aResponse().withStatus(503).withHeader("Retry-After", "2"),
                aResponse().withStatus(503),
                aResponse().withStatus(500),
                aResponse().withStatus(429),
                ok());

        Exchange<Void> exchange = send();

        assertThat(exchange).isInstanceOf(Exchange.Answered.class);
        assertThat(pacer.attempts).isEqualTo(6);
        assertThat(pacer.throttles)
                .containsExactly(
                        Optional.of(Duration.ofSeconds(3)), Optional.of(Duration.ofSeconds(2)), Optional.empty());
    }

    @Test
    void aWaitLongerThanTheRunWaits_isReportedWithIt_andDefersTheRequest() {
        stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "3600"));

        Exchange<Void> exchange = send();

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> assertThat(gaveUp.deferredUntil())
                .isNotNull());
        assertThat(pacer.attempts).isEqualTo(1);
        assertThat(pacer.throttles).containsExactly(Optional.of(Duration.ofHours(1)));
    }

    @Test
    void aPacerDeferringTheWrite_givesUpWithItsTimeWithoutSending() {
        pacer.deferUntil = Instant.parse("2024-05-06T07:06:40Z");

        Exchange<Void> exchange = send();

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.deferredUntil()).isEqualTo(Instant.parse("2024-05-06T07:06:40Z"));
            assertThat(gaveUp.reason()).isEqualTo("the service asked for no writes before 2024-05-06T07:06:40Z");
        });
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void interruptedWhileWaitingForTheBudget_givesUpWithoutSending() {
        pacer.interrupt = true;

        Exchange<Void> exchange = send();

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> assertThat(gaveUp.reason())
                .isEqualTo("interrupted while waiting for its turn"));
        assertThat(Thread.interrupted()).isTrue();
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}

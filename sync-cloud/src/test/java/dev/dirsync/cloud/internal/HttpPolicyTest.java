package dev.dirsync.cloud.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpPolicyTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final OkHttpClient client = HttpClients.create(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void everyConnectionWasReleased() {
        assertThat(client.connectionPool().idleConnectionCount())
                .isEqualTo(client.connectionPool().connectionCount());
        HttpClients.shutdown(client);
        assertThat(client.connectionPool().connectionCount()).isZero();
        assertThat(client.dispatcher().executorService().isShutdown()).isTrue();
    }

    private HttpPolicy policy(int maxAttempts) {
        return new HttpPolicy(
                client,
                RetrySettings.withMaxAttempts(maxAttempts),
                sleeper,
                Clock.systemUTC(),
                new SplittableRandom(1));
    }

    private Request request() {
        return new Request.Builder().url(server.baseUrl() + "/thing").get().build();
    }

    private void stubSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String nextState = "reply " + (i + 1);
            var stub = get(urlEqualTo("/thing"))
                    .inScenario("sequence")
                    .whenScenarioStateIs(state)
                    .willReturn(replies[i]);
            server.stubFor(i == replies.length - 1 ? stub : stub.willSetStateTo(nextState));
            state = nextState;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void send_serverErrorThenOk_backsOffAndAnswers(int status) {
        stubSequence(status(status), ok("done"));

        Exchange<Void> exchange = policy(6).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered -> assertThat(
                        answered.reply().status())
                .isEqualTo(200));
        assertThat(sleeper.delays()).singleElement().satisfies(d -> assertThat(d.toMillis())
                .isBetween(250L, 500L));
    }

    @Test
    void send_503WithoutRetryAfter_backsOff() {
        stubSequence(status(503), ok());

        policy(6).send(request(), null);

        assertThat(sleeper.delays()).singleElement().satisfies(d -> assertThat(d.toMillis())
                .isBetween(250L, 500L));
    }

    @Test
    void send_429WithRetryAfter_waitsExactlyThat() {
        stubSequence(status(429).withHeader("Retry-After", "7"), status(503).withHeader("Retry-After", "3"), ok());

        policy(6).send(request(), null);

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
    }

    @Test
    void send_serverErrorNamingALongerWait_waitsAtLeastThat() {
        stubSequence(status(500).withHeader("Retry-After", "10"), ok());

        policy(6).send(request(), null);

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void send_retryAfterBeyondTheLimit_givesUpWithoutWaiting() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(status(429).withHeader("Retry-After", "3600")));

        Exchange<Void> exchange = policy(6).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.reason()).contains("3600 s");
            assertThat(gaveUp.lastReply().status()).isEqualTo(429);
            assertThat(gaveUp.deferredUntil()).isAfter(Instant.now().plusSeconds(3500));
        });
        assertThat(sleeper.delays()).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void send_throttledMoreOftenThanItHasAttempts_isNoFailure_andGoesThrough() {
        stubSequence(
                status(429),
                status(429).withHeader("Retry-After", "1"),
                status(429).withHeader("Retry-After", "1"),
                status(429).withHeader("Retry-After", "1"),
                ok("done"));

        Exchange<Void> exchange = policy(2).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered -> assertThat(
                        answered.reply().status())
                .isEqualTo(200));
        assertThat(sleeper.delays()).hasSize(4);
        assertThat(sleeper.delays().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.delays().subList(1, 4)).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void send_throttledLongerThanTheRunWaitsInAll_givesUpWithoutWaitingBeyondIt() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(status(429).withHeader("Retry-After", "100")));

        Exchange<Void> exchange = policy(6).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.reason())
                    .isEqualTo("throttled for 300 s in all, asked to wait 100 s more; this run waits 300 s at most");
            assertThat(gaveUp.deferredUntil()).isNull();
        });
        assertThat(sleeper.delays())
                .containsExactly(Duration.ofSeconds(100), Duration.ofSeconds(100), Duration.ofSeconds(100));
        server.verify(4, getRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void send_alwaysFailing_givesUpAfterMaxAttemptsWithGrowingDelays() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(status(502)));

        Exchange<Void> exchange = policy(5).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.reason()).isEqualTo("still failing after 5 attempts");
            assertThat(gaveUp.lastReply().status()).isEqualTo(502);
        });
        server.verify(5, getRequestedFor(urlEqualTo("/thing")));
        List<Duration> delays = sleeper.delays();
        assertThat(delays).hasSize(4);
        long ceiling = 500;
        for (Duration delay : delays) {
            assertThat(delay.toMillis()).isBetween(ceiling / 2, ceiling);
            ceiling *= 2;
        }
    }

    @Test
    void send_connectionReset_isRetried() {
        stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok("done"));

        Exchange<Void> exchange = policy(3).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered -> assertThat(
                        answered.reply().bodyText())
                .isEqualTo("done"));
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void send_connectionResetEveryTime_givesUpWithTheFailure() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange<Void> exchange = policy(2).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.lastReply()).isNull();
            assertThat(gaveUp.lastFailure()).isInstanceOf(java.io.IOException.class);
        });
    }

    @Test
    void send_finalStatuses_areAnsweredAtOnce() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(status(400)));

        Exchange<Void> exchange = policy(6).send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered -> assertThat(
                        answered.reply().status())
                .isEqualTo(400));
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void send_guardSettles_stopsBeforeResending() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(status(500)));
        List<RetryCause> causes = new ArrayList<>();

        Exchange<String> exchange = policy(6).send(request(), null, cause -> {
            causes.add(cause);
            return Optional.of("found it");
        });

        assertThat(exchange).isEqualTo(new Exchange.Settled<>("found it"));
        assertThat(causes).singleElement().satisfies(cause -> assertThat(cause.outcomeUnknown())
                .isTrue());
        server.verify(1, getRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void send_throttled_guardLearnsTheRequestWasNotProcessed() {
        stubSequence(status(429).withHeader("Retry-After", "0"), ok());
        List<RetryCause> causes = new ArrayList<>();

        policy(6).send(request(), null, cause -> {
            causes.add(cause);
            return Optional.empty();
        });

        assertThat(causes).singleElement().satisfies(cause -> assertThat(cause.outcomeUnknown())
                .isFalse());
    }

    @Test
    void send_401_renewsTheCredentialOnceAndRepeats() {
        server.stubFor(get(urlEqualTo("/thing"))
                .withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(status(401)));
        server.stubFor(get(urlEqualTo("/thing"))
                .withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(ok()));
        SwitchingAuthorizer authorizer = new SwitchingAuthorizer();

        Exchange<Void> exchange = policy(6).send(request(), authorizer);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered -> assertThat(
                        answered.reply().status())
                .isEqualTo(200));
        assertThat(authorizer.invalidated).containsExactly("Bearer old");
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void send_401Again_isAnsweredNotLooped() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(status(401)));
        SwitchingAuthorizer authorizer = new SwitchingAuthorizer();

        Exchange<Void> exchange = policy(6).send(request(), authorizer);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered -> assertThat(
                        answered.reply().status())
                .isEqualTo(401));
        server.verify(2, getRequestedFor(urlEqualTo("/thing")));
    }

    @Test
    void send_interruptedWhileWaiting_givesUpAndKeepsTheInterrupt() {
        server.stubFor(get(urlEqualTo("/thing")).willReturn(status(503)));
        HttpPolicy policy = new HttpPolicy(
                client,
                RetrySettings.withMaxAttempts(6),
                delay -> {
                    throw new InterruptedException();
                },
                Clock.systemUTC(),
                new SplittableRandom(1));

        Exchange<Void> exchange = policy.send(request(), null);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.GaveUp.class, gaveUp -> assertThat(gaveUp.reason())
                .contains("interrupted"));
        assertThat(Thread.interrupted()).isTrue();
    }

    /** Hands out "Bearer old" until told it was refused, then "Bearer new". */
    private static final class SwitchingAuthorizer implements Authorizer {
        final List<String> invalidated = new ArrayList<>();
        private String current = "Bearer old";

        @Override
        public String authorization() {
            return current;
        }

        @Override
        public void invalidate(String rejected) {
            invalidated.add(rejected);
            current = "Bearer new";
        }
    }
}

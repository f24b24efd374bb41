package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.graph.GraphFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUserField;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throttling, passing server errors and transport failures during apply.
 * <table>
 *   <caption>What each failure leads to</caption>
 *   <tr><th>failure</th><th>wait</th><th>before re-sending a create</th><th>when attempts run out</th></tr>
 *   <tr><td>429, 503</td><td>Retry-After, never less</td><td>nothing (not processed)</td><td>RETRYABLE</td></tr>
 *   <tr><td>500, 502, 504, timeout</td><td>exponential back-off</td><td>look up by anchor</td><td>RETRYABLE</td></tr>
 * </table>
 */
class GraphRetryTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private GraphFixture graph;

    @AfterEach
    void stop() {
        graph.assertNoLeakedConnections();
        graph.close();
    }

    private void start(Sleeper sleeperToUse) {
        graph = GraphFixture.start(server, sleeperToUse);
        graph.stubTokens("token-1");
    }

    private List<ChangeResult> apply(Change... changes) {
        List<ChangeResult> results = new ArrayList<>();
        graph.directory.apply(List.of(changes), results::add);
        return results;
    }

    private static void stubSequence(
            Function<UrlPattern, MappingBuilder> method, UrlPattern url, ResponseDefinitionBuilder... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = "reply " + (i + 1);
            var stub = method.apply(url)
                    .inScenario("sequence")
                    .whenScenarioStateIs(state)
                    .willReturn(replies[i]);
            server.stubFor(i == replies.length - 1 ? stub : stub.willSetStateTo(next));
            state = next;
        }
    }

    private static ResponseDefinitionBuilder created(String id) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"" + id + "\"}");
    }

    private static ResponseDefinitionBuilder graphError(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}");
    }

    private static void stubLookup(String body) {
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(body)));
    }

    @Test
    void create_throttledWithRetryAfterOneSecond_reallyWaitsThenSucceeds() {
        start(Sleeper.SYSTEM);
        stubSequence(
                WireMock::post,
                urlEqualTo(USERS),
                graphError(429, "TooManyRequests", "Too many requests.").withHeader("Retry-After", "1"),
                created("new-alice"));
        Change create = new Change.Create(GraphFixture.alice());

        long started = System.nanoTime();
        List<ChangeResult> results = apply(create);
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(results).containsExactly(ChangeResult.ok(create, "new-alice"));
        List<LoggedRequest> posts = new ArrayList<>(server.findAll(postRequestedFor(urlEqualTo(USERS))));
        posts.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(posts).hasSize(2);
        long gapMillis = posts.get(1).getLoggedDate().getTime()
                - posts.get(0).getLoggedDate().getTime();
        assertThat(gapMillis).as("the retry came no sooner than Retry-After").isGreaterThanOrEqualTo(1000);
        assertThat(tookMillis).isGreaterThanOrEqualTo(1000);
        server.verify(0, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void create_htmlBadGatewayThroughEveryAttempt_retryableWithAClearMessage() {
        start(sleeper);
        server.stubFor(
                post(urlEqualTo(USERS))
                        .willReturn(
                                aResponse()
                                        .withStatus(502)
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(
                                                "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>")));
        stubLookup("{\"value\": []}");
        Change create = new Change.Create(GraphFixture.alice());

        List<ChangeResult> results = apply(create);

        assertThat(results)
                .containsExactly(ChangeResult.failed(
                        create,
                        Outcome.RETRYABLE,
                        "HTTP_502",
                        "still failing after 6 attempts: HTTP 502 from " + server.baseUrl() + USERS
                                + " (text/html), not a Graph error body"));
        server.verify(6, postRequestedFor(urlEqualTo(USERS)));
        server.verify(5, getRequestedFor(urlPathEqualTo(USERS)));
        List<Duration> delays = sleeper.delays();
        assertThat(delays).hasSize(5);
        long ceiling = 500;
        for (Duration delay : delays) {
            assertThat(delay.toMillis()).isBetween(ceiling / 2, Math.min(ceiling, 30_000));
            ceiling *= 2;
        }
    }

    @Test
    void create_serverErrorButTheUserWasCreated_reportsItsIdWithoutPostingAgain() {
        start(sleeper);
        server.stubFor(post(urlEqualTo(USERS)).willReturn(graphError(500, "UnknownError", "")));
        stubLookup(
                """
                {"value": [{"id": "id-alice", "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx",
                            "userPrincipalName": "alice@contoso.example", "otherMails": [], "accountEnabled": true}]}""");
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "id-alice"));
        server.verify(1, postRequestedFor(urlEqualTo(USERS)));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam(
                                "$filter", WireMock.equalTo("onPremisesImmutableId eq 'QWxpY2UtYW5jaG9yLTAx'")));
    }

    @Test
    void create_serverErrorAndTheLookupFails_retryableWithoutPostingAgain() {
        start(sleeper);
        server.stubFor(post(urlEqualTo(USERS)).willReturn(graphError(500, "UnknownError", "")));
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(graphError(400, "BadRequest", "Invalid filter clause.")));
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(result.errorCode()).isEqualTo("LOOKUP_FAILED");
            assertThat(result.message()).contains("BadRequest: Invalid filter clause.");
        });
        server.verify(1, postRequestedFor(urlEqualTo(USERS)));
    }

    @Test
    void create_timedOutAndNotThere_isPostedAgain() {
        GraphSettings quick = GraphFixture.settings(server)
                .readTimeout(Duration.ofMillis(300))
                .build();
        graph = GraphFixture.start(server, quick, sleeper);
        graph.stubTokens("token-1");
        stubSequence(WireMock::post, urlEqualTo(USERS), created("late").withFixedDelay(1500), created("new-alice"));
        stubLookup("{\"value\": []}");
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "new-alice"));
        server.verify(2, postRequestedFor(urlEqualTo(USERS)));
        server.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void update_throttledOnEveryAttempt_usesUpNoAttempts_retryableOnceThrottledLongerThanTheRunWaits() {
        start(sleeper);
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice"))
                .willReturn(
                        graphError(429, "TooManyRequests", "Too many requests.").withHeader("Retry-After", "3")));
        Change update = new Change.Update("id-alice", GraphFixture.alice(), Set.of(MailUserField.SURNAME));

        List<ChangeResult> results = apply(update);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(result.errorCode()).isEqualTo("TooManyRequests");
            assertThat(result.message())
                    .isEqualTo("throttled for 300 s in all, asked to wait 3 s more; this run waits 300 s at most:"
                            + " HTTP 429 from " + server.baseUrl() + USERS
                            + "/id-alice (application/json): TooManyRequests: Too many requests.");
        });
        server.verify(101, patchRequestedFor(urlEqualTo(USERS + "/id-alice")));
        assertThat(sleeper.delays()).hasSize(100).containsOnly(Duration.ofSeconds(3));
    }

    @Test
    void update_unavailableUntilAnHttpDate_waitsUntilThatDate() {
        start(sleeper);
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        stubSequence(
                WireMock::patch,
                urlEqualTo(USERS + "/id-alice"),
                graphError(503, "serviceNotAvailable", "Service unavailable.").withHeader("Retry-After", inTwoMinutes),
                noContent());
        Change update = new Change.Update("id-alice", GraphFixture.alice(), Set.of(MailUserField.SURNAME));

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, "id-alice"));
        assertThat(sleeper.delays()).singleElement().satisfies(delay -> assertThat(delay)
                .isBetween(Duration.ofSeconds(115), Duration.ofSeconds(120)));
    }

    @Test
    void remove_retryAfterBeyondFiveMinutes_deferredAtOnce() {
        start(sleeper);
        server.stubFor(delete(urlEqualTo(USERS + "/id-bob"))
                .willReturn(
                        graphError(429, "TooManyRequests", "Too many requests.").withHeader("Retry-After", "3600")));
        Change remove = new Change.Remove("id-bob", GraphFixture.bob().anchor());
        Instant until = graph.clock.instant().plusSeconds(3600);

        assertThat(apply(remove))
                .containsExactly(ChangeResult.failed(
                        remove,
                        Outcome.RETRYABLE,
                        "deferred",
                        "the service asked for no writes before " + until
                                + "; left for a run after then: HTTP 429 from "
                                + server.baseUrl() + USERS
                                + "/id-bob (application/json): TooManyRequests: Too many requests."));
        assertThat(graph.directory.writesDeferredUntil()).contains(until);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void apply_interruptedThread_reportsEveryChangeRetryableWithoutSending() {
        start(sleeper);
        Change create = new Change.Create(GraphFixture.alice());
        Change remove = new Change.Remove("id-bob", GraphFixture.bob().anchor());

        Thread.currentThread().interrupt();
        List<ChangeResult> results;
        try {
            results = apply(create, remove);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(results).extracting(ChangeResult::outcome).containsExactly(Outcome.RETRYABLE, Outcome.RETRYABLE);
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}

package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.graph.GraphFixture.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.internal.AdvancingSleeper;
import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.MemoryDeadlines;
import dev.dirsync.cloud.internal.MutableClock;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUserField;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Retry-After longer than the run waits: every writer of the tenant stops, the rest of the export
 * is deferred, and the deadline holds for the next adapter over the same store. On a clock that
 * only the adapter's waits move.
 */
class GraphDeferralTest {
    static final String BATCH = "/v1.0/$batch";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T07:00:00Z"));
    private final AdvancingSleeper sleeper = new AdvancingSleeper(clock);
    private final MemoryDeadlines deadlines = new MemoryDeadlines();
    private final GraphSettings settings =
            GraphFixture.settings(server).batch(true).concurrency(1).build();

    @BeforeEach
    void stubToken() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"token-1\"}")));
    }

    private List<ChangeResult> apply(List<Change> changes) {
        List<ChangeResult> results = new ArrayList<>();
        try (GraphCloudDirectory graph =
                new GraphCloudDirectory(settings, HttpClients.create(settings.http()), sleeper, clock, deadlines)) {
            graph.apply(changes, results::add);
        }
        return results;
    }

    private static List<Change> updates(int count) {
        return IntStream.range(0, count)
                .<Change>mapToObj(
                        i -> new Change.Update("id-" + i, GraphFixture.alice(), Set.of(MailUserField.SURNAME)))
                .toList();
    }

    private static String answer(int count, String firstItem) {
        List<String> items = new ArrayList<>(List.of(firstItem));
        for (int id = 2; id <= count; id++) {
            items.add("{\"id\": \"" + id + "\", \"status\": 204}");
        }
        return "{\"responses\": [" + String.join(", ", items) + "]}";
    }

    private static String throttled(String retryAfter) {
        return "{\"id\": \"1\", \"status\": 429, \"headers\": {\"Content-Type\": \"application/json\", \"Retry-After\": \""
                + retryAfter
                + "\"}, \"body\": {\"error\": {\"code\": \"TooManyRequests\", \"message\": \"Slow down.\"}}}";
    }

    @Test
    void retryAfterLongerThanTheRunWaits_stopsEveryWriter_theRestDeferredWithoutARequest() {
        server.stubFor(post(urlEqualTo(BATCH)).willReturn(okJson(answer(20, throttled("400")))));
        List<Change> changes = updates(45);
        Instant until = clock.instant().plusSeconds(400);

        List<ChangeResult> results = apply(changes);

        server.verify(1, postRequestedFor(urlEqualTo(BATCH)));
        assertThat(results).extracting(ChangeResult::change).containsExactlyElementsOf(changes);
        assertThat(results.subList(1, 20)).allMatch(ChangeResult::succeeded);
        List<ChangeResult> deferred = new ArrayList<>(results.subList(20, 45));
        deferred.add(0, results.get(0));
        assertThat(deferred).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(result.errorCode()).isEqualTo("deferred");
            assertThat(result.message()).startsWith("the service asked for no writes before " + until);
        });
        assertThat(deadlines.writesDeferredUntil(GraphCloudDirectory.serviceKey(settings)))
                .contains(until);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void aRerunInsideTheWindow_sendsNothing_andSaysUntilWhen() {
        server.stubFor(post(urlEqualTo(BATCH)).willReturn(okJson(answer(1, throttled("400")))));
        Instant until = clock.instant().plusSeconds(400);
        apply(updates(1));
        clock.advance(Duration.ofSeconds(10));
        server.resetRequests();

        List<ChangeResult> results = new ArrayList<>();
        Instant reported;
        try (GraphCloudDirectory rerun =
                new GraphCloudDirectory(settings, HttpClients.create(settings.http()), sleeper, clock, deadlines)) {
            rerun.apply(updates(5), results::add);
            reported = rerun.writesDeferredUntil().orElseThrow();
        }

        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(results).hasSize(5).allSatisfy(result -> assertThat(result.errorCode())
                .isEqualTo("deferred"));
        assertThat(reported).isEqualTo(until);
    }

    @Test
    void aShortDeadlineKeptByTheRunBefore_isWaitedOutBeforeTheFirstWrite() {
        server.stubFor(post(urlEqualTo(BATCH)).willReturn(okJson(answer(1, "{\"id\": \"1\", \"status\": 204}"))));
        Instant until = clock.instant().plusSeconds(30);
        deadlines.deferWritesUntil(GraphCloudDirectory.serviceKey(settings), until);

        List<ChangeResult> results = apply(updates(1));

        assertThat(results).singleElement().matches(ChangeResult::succeeded);
        assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(clock.instant()).isAfterOrEqualTo(until);
        server.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    }
}

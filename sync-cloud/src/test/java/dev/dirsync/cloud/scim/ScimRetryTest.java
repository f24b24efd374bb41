package dev.dirsync.cloud.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.scim.ScimFixture.USERS;
import static dev.dirsync.cloud.scim.ScimFixture.listResponse;
import static dev.dirsync.cloud.scim.ScimFixture.scimError;
import static dev.dirsync.cloud.scim.ScimFixture.scimJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUserField;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Throttling, passing server errors and transport failures, through the shared HTTP policy. */
class ScimRetryTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ScimFixture scim;

    @AfterEach
    void stop() {
        scim.assertNoLeakedConnections();
        scim.close();
    }

    private void start(ScimSettings settings) {
        scim = ScimFixture.start(server, settings, sleeper);
        scim.stubPlainConfig();
    }

    private void start() {
        start(ScimFixture.settings(server).build());
    }

    private List<ChangeResult> apply(Change... changes) {
        List<ChangeResult> results = new ArrayList<>();
        scim.directory.apply(List.of(changes), results::add);
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

    @Test
    void create_throttledWithRetryAfter_waitsExactlyThatAndPostsAgainWithoutALookUp() {
        start();
        stubSequence(
                WireMock::post,
                urlEqualTo(USERS),
                scimError(429, null, "Too many requests").withHeader("Retry-After", "4"),
                scimJson(201, "{\"id\": \"id-alice\"}"));
        Change create = new Change.Create(ScimFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "id-alice"));
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(4));
        server.verify(2, postRequestedFor(urlEqualTo(USERS)));
        server.verify(0, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void create_serverErrorButTheUserWasCreated_reportsItsIdWithoutPostingAgain() {
        start();
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimError(500, null, "internal error")));
        server.stubFor(get(urlPathEqualTo(USERS))
                .willReturn(scimJson(
                        200,
                        listResponse(
                                1,
                                1,
                                ScimFixture.userJson("id-alice", "QWxpY2UtYW5jaG9yLTAx", "alice@contoso.example")))));
        Change create = new Change.Create(ScimFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "id-alice"));
        server.verify(1, postRequestedFor(urlEqualTo(USERS)));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("filter", WireMock.equalTo("externalId eq \"QWxpY2UtYW5jaG9yLTAx\"")));
    }

    @Test
    void create_timedOutAndNotThere_isPostedAgain() {
        start(ScimFixture.settings(server).readTimeout(Duration.ofMillis(300)).build());
        stubSequence(
                WireMock::post,
                urlEqualTo(USERS),
                scimJson(201, "{\"id\": \"late\"}").withFixedDelay(1500),
                scimJson(201, "{\"id\": \"id-alice\"}"));
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(scimJson(200, listResponse(0, 1))));
        Change create = new Change.Create(ScimFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "id-alice"));
        server.verify(2, postRequestedFor(urlEqualTo(USERS)));
        server.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void update_unavailableUntilAnHttpDate_waitsUntilThatDate() {
        start();
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        stubSequence(
                WireMock::patch,
                urlEqualTo(USERS + "/id-alice"),
                scimError(503, null, "maintenance").withHeader("Retry-After", inTwoMinutes),
                noContent());
        Change update = new Change.Update("id-alice", ScimFixture.alice(), Set.of(MailUserField.SURNAME));

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, "id-alice"));
        assertThat(sleeper.delays()).singleElement().satisfies(delay -> assertThat(delay)
                .isBetween(Duration.ofSeconds(115), Duration.ofSeconds(120)));
    }

    @Test
    void update_throttledLongerThanTheRunWaits_retryableWithTheServicesWords() {
        start(ScimFixture.settings(server).maxAttempts(3).build());
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice"))
                .willReturn(scimError(429, "tooMany", "Slow down").withHeader("Retry-After", "100")));
        Change update = new Change.Update("id-alice", ScimFixture.alice(), Set.of(MailUserField.SURNAME));

        assertThat(apply(update))
                .containsExactly(ChangeResult.failed(
                        update,
                        Outcome.RETRYABLE,
                        "tooMany",
                        "throttled for 300 s in all, asked to wait 100 s more; this run waits 300 s at most: HTTP 429 from "
                                + server.baseUrl() + USERS
                                + "/id-alice (application/scim+json): tooMany: Slow down"));
        assertThat(sleeper.delays())
                .containsExactly(Duration.ofSeconds(100), Duration.ofSeconds(100), Duration.ofSeconds(100));
    }

    @Test
    void apply_interruptedThread_reportsEveryChangeRetryableWithoutSending() {
        start();
        Change create = new Change.Create(ScimFixture.alice());
        Change remove = new Change.Remove("id-bob", ScimFixture.bob().anchor());

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

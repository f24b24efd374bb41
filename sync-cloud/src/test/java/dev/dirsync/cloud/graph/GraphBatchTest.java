package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.graph.GraphFixture.TOKEN_PATH;
import static dev.dirsync.cloud.graph.GraphFixture.USERS;
import static dev.dirsync.cloud.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JSON batching: the exact batch request, each item settled by its own answer, and the failures of
 * the batch request itself.
 */
class GraphBatchTest {
    static final String BATCH = "/v1.0/$batch";

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
        start(GraphFixture.settings(server).batch(true), sleeperToUse);
    }

    private void start(GraphSettings.Builder settings, Sleeper sleeperToUse) {
        graph = GraphFixture.start(server, settings.build(), sleeperToUse);
        graph.stubTokens("token-1");
    }

    private List<ChangeResult> apply(Change... changes) {
        return apply(List.of(changes));
    }

    private List<ChangeResult> apply(List<Change> changes) {
        List<ChangeResult> results = new ArrayList<>();
        graph.directory.apply(changes, results::add);
        return results;
    }

    /** The batch requests sent, oldest first. */
    private static List<LoggedRequest> batches() {
        List<LoggedRequest> batches = new ArrayList<>(server.findAll(postRequestedFor(urlEqualTo(BATCH))));
        batches.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return batches;
    }

    private static JsonNode requests(LoggedRequest batch) {
        return json(batch.getBodyAsString()).get("requests");
    }

    private static List<String> ids(LoggedRequest batch) {
        List<String> ids = new ArrayList<>();
        requests(batch).forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static ResponseDefinitionBuilder answer(String... items) {
        return okJson("{\"responses\": [" + String.join(", ", items) + "]}");
    }

    private static String item(String id, int status) {
        return "{\"id\": \"" + id + "\", \"status\": " + status + ", \"headers\": {\"Cache-Control\": \"no-cache\"}}";
    }

    private static String created(String id, String userId) {
        return "{\"id\": \"" + id + "\", \"status\": 201, \"headers\": {\"Content-Type\": \"application/json\"},"
                + " \"body\": {\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#users/$entity\", \"id\": \""
                + userId + "\"}}";
    }

    private static String failed(String id, int status, String code, String message, String... headers) {
        String extra = headers.length == 0 ? "" : ", " + String.join(", ", headers);
        return "{\"id\": \"" + id + "\", \"status\": " + status
                + ", \"headers\": {\"Content-Type\": \"application/json\"" + extra
                + "}, \"body\": {\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}}";
    }

    private static String throttled(String id, String retryAfter) {
        return failed(id, 429, "TooManyRequests", "Too many requests.", "\"Retry-After\": \"" + retryAfter + "\"");
    }

    private static void stubBatches(ResponseDefinitionBuilder... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = "batch " + (i + 1);
            var stub = post(urlEqualTo(BATCH))
                    .inScenario("batches")
                    .whenScenarioStateIs(state)
                    .willReturn(replies[i]);
            server.stubFor(i == replies.length - 1 ? stub : stub.willSetStateTo(next));
            state = next;
        }
    }

    private static Change update(String id) {
        return new Change.Update(id, GraphFixture.alice(), Set.of(MailUserField.SURNAME));
    }

    private static String anchorFilter(MailUser user) {
        return "onPremisesImmutableId eq '" + user.anchor().value() + "'";
    }

    @Test
    void batch_carriesEachChangeAsAnItem_withIdMethodRelativeUrlBodyAndContentType() {
        start(sleeper);
        stubBatches(answer(item("3", 204), created("1", "new-alice"), item("2", 204)));
        MailUser renamed = new MailUser(
                GraphFixture.bob().anchor(),
                "bob@contoso.example",
                "Bob the Builder",
                null,
                null,
                "bob",
                null,
                List.of(),
                false,
                null);
        Change create = new Change.Create(GraphFixture.alice());
        Change update = new Change.Update("id-bob", renamed, Set.of(MailUserField.DISPLAY_NAME));
        Change remove = new Change.Remove("id-gone", new Anchor("R29uZS1hbmNob3I="));

        List<ChangeResult> results = apply(create, update, remove);

        assertThat(results)
                .containsExactly(
                        ChangeResult.ok(create, "new-alice"),
                        ChangeResult.ok(update, "id-bob"),
                        ChangeResult.ok(remove, "id-gone"));
        List<LoggedRequest> batches = batches();
        assertThat(batches).hasSize(1);
        ObjectNode body = (ObjectNode) json(batches.get(0).getBodyAsString());
        ObjectNode profile = (ObjectNode) body.at("/requests/0/body/passwordProfile");
        assertThat(profile.remove("password").asText()).hasSize(20);
        assertThat(body)
                .isEqualTo(
                        json(
                                """
                {"requests": [
                  {"id": "1", "method": "POST", "url": "/users",
                   "body": {"accountEnabled": true, "displayName": "Alice Liddell", "mailNickname": "alice",
                            "userPrincipalName": "alice@contoso.example", "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx",
                            "passwordProfile": {"forceChangePasswordNextSignIn": true},
                            "givenName": "Alice", "surname": "Liddell", "mail": "alice@wonderland.example",
                            "otherMails": ["a.liddell@wonderland.example"], "usageLocation": "GB"},
                   "headers": {"Content-Type": "application/json"}},
                  {"id": "2", "method": "PATCH", "url": "/users/id-bob",
                   "body": {"displayName": "Bob the Builder"},
                   "headers": {"Content-Type": "application/json"}},
                  {"id": "3", "method": "DELETE", "url": "/users/id-gone"}
                ]}"""));
        server.verify(postRequestedFor(urlEqualTo(BATCH))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader(
                        "Content-Type",
                        equalTo("application/json; charset=utf-8").or(equalTo("application/json")))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void partialFailure_theThrottledItemAloneIsSentAgainAfterItsRetryAfter_theRefusedOneIsRejected() {
        start(sleeper);
        stubBatches(
                answer(
                        item("1", 204),
                        throttled("2", "7"),
                        failed(
                                "3",
                                400,
                                "Request_BadRequest",
                                "Invalid value specified for property 'usageLocation' of resource 'User'.")),
                answer(item("2", 204)));
        Change first = update("id-a");
        Change second = update("id-b");
        Change third = update("id-c");

        List<ChangeResult> results = apply(first, second, third);

        assertThat(results)
                .containsExactly(
                        ChangeResult.ok(first, "id-a"),
                        ChangeResult.ok(second, "id-b"),
                        ChangeResult.failed(
                                third,
                                Outcome.REJECTED,
                                "Request_BadRequest",
                                "Invalid value specified for property 'usageLocation' of resource 'User'."));
        List<LoggedRequest> batches = batches();
        assertThat(batches).hasSize(2);
        assertThat(ids(batches.get(0))).containsExactly("1", "2", "3");
        assertThat(requests(batches.get(1)))
                .isEqualTo(
                        json(
                                """
                [{"id": "2", "method": "PATCH", "url": "/users/id-b", "body": {"surname": "Liddell"},
                  "headers": {"Content-Type": "application/json"}}]"""));
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void throttledItem_isNeverSentAgainBeforeItsRetryAfter() {
        start(Sleeper.SYSTEM);
        stubBatches(answer(item("1", 204), throttled("2", "1")), answer(item("2", 204)));

        List<ChangeResult> results = apply(update("id-a"), update("id-b"));

        assertThat(results).allMatch(ChangeResult::succeeded);
        List<LoggedRequest> batches = batches();
        assertThat(batches).hasSize(2);
        long gapMillis = batches.get(1).getLoggedDate().getTime()
                - batches.get(0).getLoggedDate().getTime();
        assertThat(gapMillis)
                .as("the item came back no sooner than its Retry-After")
                .isGreaterThanOrEqualTo(1000);
    }

    @Test
    void moreChangesThanABatchHolds_goInBatchesOfTwenty() {
        start(sleeper);
        stubBatches(answer(IntStream.rangeClosed(1, 20)
                .mapToObj(id -> item(Integer.toString(id), 204))
                .toArray(String[]::new)));
        List<Change> changes =
                IntStream.range(0, 45).mapToObj(i -> update("id-" + i)).toList();

        List<ChangeResult> results = apply(changes);

        assertThat(results).extracting(ChangeResult::change).containsExactlyElementsOf(changes);
        assertThat(results).allMatch(ChangeResult::succeeded);
        assertThat(batches()).extracting(batch -> requests(batch).size()).containsExactlyInAnyOrder(20, 20, 5);
        assertThat(graph.directory.preferredBatchSize()).isEqualTo(80);
    }

    @Test
    void tokenExpiresMidRun_renewedOnceAndTheRunGoesOn() {
        graph = GraphFixture.start(
                server, GraphFixture.settings(server).batch(true).build(), sleeper);
        graph.stubTokens("token-1", "token-2");
        server.stubFor(post(urlEqualTo(BATCH))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("expired")
                .willReturn(answer(item("1", 204))));
        server.stubFor(
                post(urlEqualTo(BATCH))
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .inScenario("expiry")
                        .whenScenarioStateIs("expired")
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"code": "InvalidAuthenticationToken", "message": "Lifetime validation failed, the token is expired."}}""")));
        server.stubFor(post(urlEqualTo(BATCH))
                .withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(answer(item("1", 204))));

        List<ChangeResult> results = new ArrayList<>();
        results.addAll(apply(update("id-a")));
        results.addAll(apply(update("id-b")));
        results.addAll(apply(update("id-c")));

        assertThat(results).hasSize(3).allMatch(ChangeResult::succeeded);
        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(2, postRequestedFor(urlEqualTo(BATCH)).withHeader("Authorization", equalTo("Bearer token-1")));
        server.verify(2, postRequestedFor(urlEqualTo(BATCH)).withHeader("Authorization", equalTo("Bearer token-2")));
        assertThat(sleeper.delays()).isEmpty();
    }

    /** The connection drops once the batch has arrived, as a read timing out does: its writes may have been applied. */
    @Test
    void batchTimedOutAfterBeingSent_itsCreatesAreLookedUpBeforeTheRestIsSentAgain() {
        start(sleeper);
        stubBatches(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), answer(created("2", "new-bob")));
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .withQueryParam("$filter", equalTo(anchorFilter(GraphFixture.alice())))
                        .willReturn(
                                okJson(
                                        """
                        {"value": [{"id": "id-alice", "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx",
                                    "userPrincipalName": "alice@contoso.example", "otherMails": [], "accountEnabled": true}]}""")));
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("$filter", equalTo(anchorFilter(GraphFixture.bob())))
                .willReturn(okJson("{\"value\": []}")));
        Change alice = new Change.Create(GraphFixture.alice());
        Change bob = new Change.Create(GraphFixture.bob());

        List<ChangeResult> results = apply(alice, bob);

        assertThat(results).containsExactly(ChangeResult.ok(alice, "id-alice"), ChangeResult.ok(bob, "new-bob"));
        List<LoggedRequest> batches = batches();
        assertThat(batches).hasSize(2);
        assertThat(ids(batches.get(1))).containsExactly("2");
        assertThat(requests(batches.get(1)).get(0).at("/body/userPrincipalName").asText())
                .isEqualTo("bob@contoso.example");
        server.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void malformedJsonAnswer_itsWritesMayHaveBeenApplied_lookedUpOrSentAgainAfterBackOff() {
        start(sleeper);
        stubBatches(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"responses\": [{\"id\": \"1\", \"status\": 204}, {\"id\": \"2\", \"sta"),
                answer(item("1", 204), created("2", "new-bob")));
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"value\": []}")));
        Change update = update("id-alice");
        Change create = new Change.Create(GraphFixture.bob());

        List<ChangeResult> results = apply(update, create);

        assertThat(results).containsExactly(ChangeResult.ok(update, "id-alice"), ChangeResult.ok(create, "new-bob"));
        assertThat(batches()).hasSize(2).allSatisfy(batch -> assertThat(ids(batch))
                .containsExactly("1", "2"));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("$filter", equalTo(anchorFilter(GraphFixture.bob()))));
        assertThat(sleeper.delays()).singleElement().satisfies(delay -> assertThat(delay.toMillis())
                .isBetween(250L, 500L));
    }

    @Test
    void htmlErrorPageFromAProxyOnEveryAttempt_retryableWithAClearMessage() {
        start(sleeper);
        server.stubFor(
                post(urlEqualTo(BATCH))
                        .willReturn(
                                aResponse()
                                        .withStatus(502)
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(
                                                "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>")));
        Change update = update("id-alice");

        assertThat(apply(update))
                .containsExactly(ChangeResult.failed(
                        update,
                        Outcome.RETRYABLE,
                        "HTTP_502",
                        "still failing after 6 attempts: HTTP 502 from " + server.baseUrl() + BATCH
                                + " (text/html), not a Graph error body"));
        assertThat(batches()).hasSize(6);
        assertThat(sleeper.delays()).hasSize(5);
    }

    @Test
    void proxyPageWithStatus200_isNoBatchAnswer_theCreateIsLookedUpThenSentAgain() {
        start(sleeper);
        stubBatches(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Please sign in to continue.</body></html>"),
                answer(created("1", "new-alice")));
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"value\": []}")));
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "new-alice"));
        assertThat(batches()).hasSize(2);
        server.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void itemServerError_theCreateIsLookedUpFirst_foundSoNotSentAgain() {
        start(sleeper);
        stubBatches(answer(failed("1", 500, "UnknownError", "")));
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                okJson(
                                        """
                {"value": [{"id": "id-alice", "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx",
                            "userPrincipalName": "alice@contoso.example", "otherMails": [], "accountEnabled": true}]}""")));
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "id-alice"));
        assertThat(batches()).hasSize(1);
        assertThat(sleeper.delays()).singleElement().satisfies(delay -> assertThat(delay.toMillis())
                .isBetween(250L, 500L));
    }

    @Test
    void itemThrottledMoreOftenThanItHasAttempts_isNoFailure_andGoesThrough() {
        start(sleeper);
        List<ResponseDefinitionBuilder> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(answer(throttled("1", "1")));
        }
        replies.add(answer(item("1", 204)));
        stubBatches(replies.toArray(ResponseDefinitionBuilder[]::new));
        Change update = update("id-alice");

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, "id-alice"));
        assertThat(batches()).hasSize(9);
        assertThat(sleeper.delays()).hasSize(8).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void itemThrottledLongerThanTheRunWaitsInAll_retryable() {
        start(sleeper);
        stubBatches(answer(throttled("1", "2")));
        Change update = update("id-alice");

        assertThat(apply(update))
                .containsExactly(ChangeResult.failed(
                        update,
                        Outcome.RETRYABLE,
                        "TooManyRequests",
                        "throttled for 300 s in all, asked to wait 2 s more; this run waits 300 s at most: HTTP 429 from "
                                + server.baseUrl() + USERS
                                + "/id-alice (application/json): TooManyRequests: Too many requests."));
        assertThat(batches()).hasSize(151);
        assertThat(sleeper.delays()).hasSize(150).containsOnly(Duration.ofSeconds(2));
    }

    @Test
    void itemAskingForMoreThanFiveMinutes_deferredAtOnce_theOthersOfItsBatchSettled() {
        start(sleeper);
        stubBatches(answer(throttled("1", "3600"), item("2", 204)));
        Change throttledUpdate = update("id-alice");
        Change update = update("id-bob");
        Instant until = graph.clock.instant().plusSeconds(3600);

        List<ChangeResult> results = apply(throttledUpdate, update);

        assertThat(results)
                .containsExactly(
                        ChangeResult.failed(
                                throttledUpdate,
                                Outcome.RETRYABLE,
                                "deferred",
                                "the service asked for no writes before " + until
                                        + "; left for a run after then: HTTP 429 from " + server.baseUrl() + USERS
                                        + "/id-alice (application/json): TooManyRequests: Too many requests."),
                        ChangeResult.ok(update, "id-bob"));
        assertThat(graph.directory.writesDeferredUntil()).contains(until);
        assertThat(batches()).hasSize(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void removeAlreadyGone_isOk_andAnItemLeftUnanswered_isSentAgain() {
        start(sleeper);
        stubBatches(
                answer(failed("1", 404, "Request_ResourceNotFound", "Resource 'id-gone' does not exist.")),
                answer(item("2", 204)));
        Change remove = new Change.Remove("id-gone", GraphFixture.bob().anchor());
        Change update = update("id-alice");

        assertThat(apply(remove, update))
                .containsExactly(ChangeResult.ok(remove, "id-gone"), ChangeResult.ok(update, "id-alice"));
        assertThat(batches()).extracting(GraphBatchTest::ids).containsExactly(List.of("1", "2"), List.of("2"));
    }

    @Test
    void batchRefusedAsAWhole_everyItemRejectedWithGraphsWords() {
        start(sleeper);
        stubBatches(
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                {"error": {"code": "BadRequest", "message": "Invalid batch payload format."}}"""));
        Change first = update("id-a");
        Change second = update("id-b");

        assertThat(apply(first, second))
                .extracting(ChangeResult::outcome, ChangeResult::errorCode, ChangeResult::message)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(
                        Outcome.REJECTED,
                        "BadRequest",
                        "the batch was refused: HTTP 400 from " + server.baseUrl() + BATCH
                                + " (application/json): BadRequest: Invalid batch payload format."));
    }

    @Test
    void everyItemsAnswer_mapsLikeASingleRequest() {
        start(sleeper);
        stubBatches(answer(
                failed("1", 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")));
        Change update = update("id-admin");

        assertThat(apply(update))
                .containsExactly(ChangeResult.failed(
                        update,
                        Outcome.REJECTED,
                        "Authorization_RequestDenied",
                        "Insufficient privileges to complete the operation."));
        assertThat(batches().stream().map(GraphBatchTest::ids).collect(Collectors.toList()))
                .containsExactly(List.of("1"));
    }
}

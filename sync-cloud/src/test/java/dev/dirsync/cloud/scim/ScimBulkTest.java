package dev.dirsync.cloud.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.scim.ScimFixture.BULK;
import static dev.dirsync.cloud.scim.ScimFixture.USERS;
import static dev.dirsync.cloud.scim.ScimFixture.scimError;
import static dev.dirsync.cloud.scim.ScimFixture.scimJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** apply through /Bulk: request shapes within the advertised limits, and each operation's result. */
class ScimBulkTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ScimFixture scim;

    @BeforeEach
    void start() {
        scim = ScimFixture.start(server, sleeper);
    }

    @AfterEach
    void stop() {
        scim.assertNoLeakedConnections();
        scim.close();
    }

    private List<ChangeResult> apply(List<Change> changes) {
        List<ChangeResult> results = new ArrayList<>();
        scim.directory.apply(changes, results::add);
        return results;
    }

    private static String bulkResponse(String... operations) {
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:BulkResponse\"], \"Operations\": ["
                + String.join(",", operations) + "]}";
    }

    private static String result(String method, String bulkId, String status, String location) {
        return "{\"method\": \"" + method + "\", \"bulkId\": \"" + bulkId + "\", \"status\": \"" + status + "\""
                + (location == null ? "" : ", \"location\": \"" + location + "\"") + "}";
    }

    private static MailUser person(int n) {
        return new MailUser(
                new Anchor("UGVyc29uLTA" + n),
                "p" + n + "@contoso.example",
                "Person " + n,
                null,
                null,
                "p" + n,
                null,
                List.of(),
                true,
                null);
    }

    private List<JsonNode> bulkBodies() {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(postRequestedFor(urlEqualTo(BULK))));
        requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return requests.stream()
                .map(request -> ScimFixture.json(request.getBodyAsString()))
                .toList();
    }

    @Test
    void mixedChanges_oneBulkRequestWithBulkIds_andEachResultMapped() {
        scim.stubConfig(true, 10, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK))
                .willReturn(scimJson(
                        200,
                        bulkResponse(
                                result("POST", "op1", "201", server.baseUrl() + USERS + "/id-alice"),
                                result("PATCH", "op2", "200", server.baseUrl() + USERS + "/id-bob"),
                                result("DELETE", "op3", "204", null)))));
        Change create = new Change.Create(ScimFixture.alice());
        Change update = new Change.Update("id-bob", ScimFixture.bob(), Set.of(MailUserField.ACCOUNT_ENABLED));
        Change remove = new Change.Remove("id-carol", new Anchor("Q2Fyb2w="));

        assertThat(apply(List.of(create, update, remove)))
                .containsExactly(
                        ChangeResult.ok(create, "id-alice"),
                        ChangeResult.ok(update, "id-bob"),
                        ChangeResult.ok(remove, "id-carol"));

        server.verify(postRequestedFor(urlEqualTo(BULK))
                .withHeader("Content-Type", equalTo("application/scim+json"))
                .withRequestBody(equalToJson(
                        """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                         "Operations": [
                             {"method": "POST", "bulkId": "op1", "path": "/Users", "data": %s},
                             {"method": "PATCH", "bulkId": "op2", "path": "/Users/id-bob",
                              "data": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                       "Operations": [{"op": "replace", "path": "active", "value": false}]}},
                             {"method": "DELETE", "bulkId": "op3", "path": "/Users/id-carol"}]}"""
                                .formatted(ScimFixture.JSON.valueToTree(
                                        dev.dirsync.cloud.scim.internal.ScimUserJson.resource(ScimFixture.alice()))))));
        server.verify(0, postRequestedFor(urlEqualTo(USERS)));
    }

    @Test
    void maxOperations_splitsTheBatch_andALastChangeAloneGoesAsASingleRequest() {
        scim.stubConfig(true, 2, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK))
                .withRequestBody(matchingJsonPath("$.Operations[0].bulkId", equalTo("op1")))
                .willReturn(scimJson(
                        200,
                        bulkResponse(
                                result("POST", "op1", "201", "/Users/id-1"),
                                result("POST", "op2", "201", "/Users/id-2")))));
        server.stubFor(post(urlEqualTo(BULK))
                .withRequestBody(matchingJsonPath("$.Operations[0].bulkId", equalTo("op3")))
                .willReturn(scimJson(
                        200,
                        bulkResponse(
                                result("POST", "op3", "201", "/Users/id-3"),
                                result("POST", "op4", "201", "/Users/id-4")))));
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimJson(201, "{\"id\": \"id-5\"}")));
        List<Change> creates = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            creates.add(new Change.Create(person(n)));
        }

        List<ChangeResult> results = apply(creates);

        assertThat(results).extracting(ChangeResult::cloudId).containsExactly("id-1", "id-2", "id-3", "id-4", "id-5");
        assertThat(bulkBodies()).hasSize(2).allSatisfy(body -> assertThat(body.get("Operations"))
                .hasSize(2));
        server.verify(
                1,
                postRequestedFor(urlEqualTo(USERS))
                        .withRequestBody(matchingJsonPath(
                                "$.externalId", equalTo(person(5).anchor().value()))));
    }

    @Test
    void maxPayloadSize_everyBulkRequestStaysWithinIt() {
        int maxPayload = 700;
        scim.stubConfig(true, 100, maxPayload, 100);
        List<Change> updates = new ArrayList<>();
        StringBuilder answers = new StringBuilder();
        for (int n = 1; n <= 9; n++) {
            updates.add(new Change.Update(
                    "id-" + n, person(n), Set.of(MailUserField.DISPLAY_NAME, MailUserField.USER_PRINCIPAL_NAME)));
            answers.append(n == 1 ? "" : ",").append(result("PATCH", "op" + n, "200", null));
        }
        // One answer naming every operation serves each request: results are looked up by bulkId.
        server.stubFor(post(urlEqualTo(BULK)).willReturn(scimJson(200, bulkResponse(answers.toString()))));
        server.stubFor(patch(urlPathMatching(USERS + "/id-[0-9]")).willReturn(noContent()));

        List<ChangeResult> results = apply(updates);

        assertThat(results)
                .extracting(ChangeResult::outcome)
                .containsOnly(Outcome.OK)
                .hasSize(9);
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(BULK)));
        assertThat(requests).hasSizeGreaterThan(1);
        assertThat(requests)
                .allSatisfy(request -> assertThat(request.getBody().length).isLessThanOrEqualTo(maxPayload));
        int operations = bulkBodies().stream()
                .mapToInt(body -> body.get("Operations").size())
                .sum();
        int singles = server.findAll(patchRequestedFor(urlPathMatching(USERS + "/id-[0-9]")))
                .size();
        assertThat(operations + singles).isEqualTo(9);
        assertThat(new String(requests.get(0).getBody(), StandardCharsets.UTF_8))
                .contains("\"op1\"");
    }

    @Test
    void operationErrors_conflictRejectedAndGoneAreEachChangesOwnResult() {
        scim.stubConfig(true, 10, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK))
                .willReturn(scimJson(
                        200,
                        bulkResponse(
                                "{\"method\": \"POST\", \"bulkId\": \"op1\", \"status\": \"409\", \"response\": {\"schemas\": "
                                        + "[\"urn:ietf:params:scim:api:messages:2.0:Error\"], \"scimType\": \"uniqueness\", "
                                        + "\"detail\": \"userName is taken\", \"status\": \"409\"}}",
                                "{\"method\": \"PATCH\", \"bulkId\": \"op2\", \"status\": 400, \"response\": {\"schemas\": "
                                        + "[\"urn:ietf:params:scim:api:messages:2.0:Error\"], \"scimType\": \"invalidValue\", "
                                        + "\"detail\": \"bad usageLocation\", \"status\": \"400\"}}",
                                result("DELETE", "op3", "404", null)))));
        Change create = new Change.Create(ScimFixture.alice());
        Change update = new Change.Update("id-bob", ScimFixture.bob(), Set.of(MailUserField.USAGE_LOCATION));
        Change remove = new Change.Remove("id-carol", new Anchor("Q2Fyb2w="));

        assertThat(apply(List.of(create, update, remove)))
                .containsExactly(
                        ChangeResult.failed(create, Outcome.CONFLICT, "uniqueness", "userName is taken"),
                        ChangeResult.failed(update, Outcome.REJECTED, "invalidValue", "bad usageLocation"),
                        ChangeResult.ok(remove, "id-carol"));
    }

    @Test
    void bulkServerError_eachChangeAloneAndTheCreateLookedUpFirst() {
        scim.stubConfig(true, 10, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK)).willReturn(scimError(500, null, "database unavailable")));
        server.stubFor(get(urlPathEqualTo(USERS))
                .willReturn(scimJson(
                        200,
                        ScimFixture.listResponse(
                                1,
                                1,
                                ScimFixture.userJson("id-alice", "QWxpY2UtYW5jaG9yLTAx", "alice@contoso.example")))));
        server.stubFor(patch(urlEqualTo(USERS + "/id-bob")).willReturn(noContent()));
        Change create = new Change.Create(ScimFixture.alice());
        Change update = new Change.Update("id-bob", ScimFixture.bob(), Set.of(MailUserField.DISPLAY_NAME));

        assertThat(apply(List.of(create, update)))
                .containsExactly(ChangeResult.ok(create, "id-alice"), ChangeResult.ok(update, "id-bob"));

        server.verify(1, postRequestedFor(urlEqualTo(BULK)));
        server.verify(0, postRequestedFor(urlEqualTo(USERS)));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("filter", equalTo("externalId eq \"QWxpY2UtYW5jaG9yLTAx\"")));
        server.verify(1, patchRequestedFor(urlEqualTo(USERS + "/id-bob")));
    }

    @Test
    void bulkNotImplemented_singleRequestsFromThenOn() {
        scim.stubConfig(true, 10, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK)).willReturn(scimError(501, null, "Bulk is not implemented")));
        server.stubFor(patch(urlPathEqualTo(USERS + "/id-1")).willReturn(noContent()));
        server.stubFor(patch(urlPathEqualTo(USERS + "/id-2")).willReturn(noContent()));
        List<Change> updates = List.of(
                new Change.Update("id-1", person(1), Set.of(MailUserField.DISPLAY_NAME)),
                new Change.Update("id-2", person(2), Set.of(MailUserField.DISPLAY_NAME)));

        assertThat(apply(updates)).extracting(ChangeResult::outcome).containsExactly(Outcome.OK, Outcome.OK);
        assertThat(apply(updates)).extracting(ChangeResult::outcome).containsExactly(Outcome.OK, Outcome.OK);

        server.verify(1, postRequestedFor(urlEqualTo(BULK)));
        server.verify(2, patchRequestedFor(urlEqualTo(USERS + "/id-1")));
    }

    @Test
    void operationMissingFromTheResponse_sentAloneAfterALookUp() {
        scim.stubConfig(true, 10, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK))
                .willReturn(scimJson(200, bulkResponse(result("POST", "op1", "201", "/Users/id-alice")))));
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(scimJson(200, ScimFixture.listResponse(0, 1))));
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimJson(201, "{\"id\": \"id-bob\"}")));
        Change alice = new Change.Create(ScimFixture.alice());
        Change bob = new Change.Create(ScimFixture.bob());

        assertThat(apply(List.of(alice, bob)))
                .containsExactly(ChangeResult.ok(alice, "id-alice"), ChangeResult.ok(bob, "id-bob"));
        server.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
        server.verify(
                1,
                postRequestedFor(urlEqualTo(USERS))
                        .withRequestBody(matchingJsonPath("$.externalId", equalTo("Qm9iLWFuY2hvci0wMg=="))));
    }

    @Test
    void bulkThrottled_waitsRetryAfterAndSendsTheSameRequestAgain() {
        scim.stubConfig(true, 10, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK))
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(scimError(429, null, "slow down").withHeader("Retry-After", "7"))
                .willSetStateTo("open"));
        server.stubFor(post(urlEqualTo(BULK))
                .inScenario("throttle")
                .whenScenarioStateIs("open")
                .willReturn(scimJson(
                        200,
                        bulkResponse(result("DELETE", "op1", "204", null), result("DELETE", "op2", "204", null)))));
        Change first = new Change.Remove("id-1", person(1).anchor());
        Change second = new Change.Remove("id-2", person(2).anchor());

        assertThat(apply(List.of(first, second)))
                .containsExactly(ChangeResult.ok(first, "id-1"), ChangeResult.ok(second, "id-2"));
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
        assertThat(bulkBodies()).hasSize(2).allSatisfy(body -> assertThat(body)
                .isEqualTo(bulkBodies().get(0)));
    }

    @Test
    void bulkTooLarge_eachChangeAlone() {
        scim.stubConfig(true, 10, 1_048_576, 100);
        server.stubFor(post(urlEqualTo(BULK)).willReturn(scimError(413, null, "payload too large")));
        server.stubFor(patch(urlPathEqualTo(USERS + "/id-1")).willReturn(noContent()));
        server.stubFor(patch(urlPathEqualTo(USERS + "/id-2")).willReturn(noContent()));
        List<Change> updates = List.of(
                new Change.Update("id-1", person(1), Set.of(MailUserField.DISPLAY_NAME)),
                new Change.Update("id-2", person(2), Set.of(MailUserField.DISPLAY_NAME)));

        assertThat(apply(updates)).extracting(ChangeResult::outcome).containsExactly(Outcome.OK, Outcome.OK);
        server.verify(1, patchRequestedFor(urlEqualTo(USERS + "/id-2")));
    }
}

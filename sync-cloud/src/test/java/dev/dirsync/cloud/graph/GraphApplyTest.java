package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import static dev.dirsync.cloud.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** apply: the exact request per change and the result Graph's answer becomes. */
class GraphApplyTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private GraphFixture graph;

    @BeforeEach
    void start() {
        graph = GraphFixture.start(server, sleeper);
        graph.stubTokens("token-1");
    }

    @AfterEach
    void stop() {
        graph.assertNoLeakedConnections();
        graph.close();
    }

    private List<ChangeResult> apply(Change... changes) {
        List<ChangeResult> results = new ArrayList<>();
        graph.directory.apply(List.of(changes), results::add);
        return results;
    }

    private static String userCreated(String id) {
        return "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#users/$entity\", \"id\": \"" + id
                + "\"}";
    }

    /** The one POST body sent, with its password checked and taken out so the rest compares exactly. */
    private JsonNode createBodyWithoutPassword() {
        var posts = server.findAll(postRequestedFor(urlEqualTo(USERS)));
        assertThat(posts).hasSize(1);
        ObjectNode body = (ObjectNode) json(posts.get(0).getBodyAsString());
        ObjectNode profile = (ObjectNode) body.get("passwordProfile");
        String password = profile.remove("password").asText();
        assertThat(password)
                .hasSize(20)
                .matches(".*[A-Z].*")
                .matches(".*[a-z].*")
                .matches(".*[0-9].*")
                .matches(".*[^A-Za-z0-9].*");
        return body;
    }

    @Test
    void create_allProperties_postsTheUserWithAnchorAndForcedPasswordChange() {
        server.stubFor(post(urlEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(userCreated("new-alice"))));
        Change create = new Change.Create(GraphFixture.alice());

        List<ChangeResult> results = apply(create);

        assertThat(results).containsExactly(ChangeResult.ok(create, "new-alice"));
        assertThat(createBodyWithoutPassword())
                .isEqualTo(
                        json(
                                """
                {"accountEnabled": true,
                 "displayName": "Alice Liddell",
                 "mailNickname": "alice",
                 "userPrincipalName": "alice@contoso.example",
                 "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx",
                 "passwordProfile": {"forceChangePasswordNextSignIn": true},
                 "givenName": "Alice",
                 "surname": "Liddell",
                 "mail": "alice@wonderland.example",
                 "otherMails": ["a.liddell@wonderland.example"],
                 "usageLocation": "GB"}"""));
        server.verify(postRequestedFor(urlEqualTo(USERS))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void create_absentProperties_areLeftOutNotSentAsNull() {
        server.stubFor(post(urlEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(userCreated("new-bob"))));
        Change create = new Change.Create(GraphFixture.bob());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "new-bob"));
        assertThat(createBodyWithoutPassword())
                .isEqualTo(
                        json(
                                """
                {"accountEnabled": false,
                 "displayName": "Bob Builder",
                 "mailNickname": "bob",
                 "userPrincipalName": "bob@contoso.example",
                 "onPremisesImmutableId": "Qm9iLWFuY2hvci0wMg==",
                 "passwordProfile": {"forceChangePasswordNextSignIn": true}}"""));
    }

    @Test
    void create_eachCreateGetsItsOwnPassword() {
        server.stubFor(post(urlEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(userCreated("x"))));

        apply(new Change.Create(GraphFixture.alice()), new Change.Create(GraphFixture.bob()));

        var passwords = server.findAll(postRequestedFor(urlEqualTo(USERS))).stream()
                .map(request -> json(request.getBodyAsString())
                        .at("/passwordProfile/password")
                        .asText())
                .toList();
        assertThat(passwords).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void update_patchesOnlyTheChangedProperty() {
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice")).willReturn(noContent()));
        MailUser renamed = new MailUser(
                GraphFixture.alice().anchor(),
                "alice@contoso.example",
                "Alice Hargreaves",
                "Alice",
                "Hargreaves",
                "alice",
                "alice@wonderland.example",
                List.of("a.liddell@wonderland.example"),
                true,
                "GB");
        Change update = new Change.Update("id-alice", renamed, Set.of(MailUserField.DISPLAY_NAME));

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, "id-alice"));
        server.verify(
                1,
                patchRequestedFor(urlEqualTo(USERS + "/id-alice"))
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .withRequestBody(equalToJson("{\"displayName\": \"Alice Hargreaves\"}")));
    }

    @Test
    void update_clearedProperties_areSentAsJsonNull() {
        server.stubFor(patch(urlEqualTo(USERS + "/id-bob")).willReturn(noContent()));
        Change update = new Change.Update(
                "id-bob",
                GraphFixture.bob(),
                Set.of(
                        MailUserField.MAIL,
                        MailUserField.OTHER_MAILS,
                        MailUserField.GIVEN_NAME,
                        MailUserField.ACCOUNT_ENABLED));

        apply(update);

        server.verify(
                1,
                patchRequestedFor(urlEqualTo(USERS + "/id-bob"))
                        .withRequestBody(
                                equalToJson(
                                        """
                {"givenName": null, "mail": null, "otherMails": [], "accountEnabled": false}""")));
    }

    @Test
    void remove_deletesTheUser() {
        server.stubFor(delete(urlEqualTo(USERS + "/id-alice")).willReturn(noContent()));
        Change remove = new Change.Remove("id-alice", GraphFixture.alice().anchor());

        assertThat(apply(remove)).containsExactly(ChangeResult.ok(remove, "id-alice"));
        server.verify(
                1,
                deleteRequestedFor(urlEqualTo(USERS + "/id-alice"))
                        .withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void remove_alreadyGone_isOk() {
        server.stubFor(
                delete(urlEqualTo(USERS + "/id-gone"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"code": "Request_ResourceNotFound",
                         "message": "Resource 'id-gone' does not exist or one of its queried reference-property objects are not present."}}""")));
        Change remove = new Change.Remove("id-gone", GraphFixture.bob().anchor());

        assertThat(apply(remove)).containsExactly(ChangeResult.ok(remove, "id-gone"));
    }

    @Test
    void apply_rejectedChange_reportsGraphsWordsAndGoesOnWithTheNext() {
        server.stubFor(
                patch(urlEqualTo(USERS + "/id-alice"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader(
                                                "Content-Type", "application/json;odata.metadata=minimal;charset=utf-8")
                                        .withBody(
                                                """
                        {"error": {"code": "Request_BadRequest",
                         "message": "Invalid value specified for property 'usageLocation' of resource 'User'.",
                         "innerError": {"date": "2024-05-06T07:08:09", "request-id": "r-1", "client-request-id": "c-1"}}}""")));
        server.stubFor(delete(urlEqualTo(USERS + "/id-bob")).willReturn(noContent()));
        Change update = new Change.Update("id-alice", GraphFixture.alice(), Set.of(MailUserField.USAGE_LOCATION));
        Change remove = new Change.Remove("id-bob", GraphFixture.bob().anchor());

        List<ChangeResult> results = apply(update, remove);

        assertThat(results)
                .containsExactly(
                        ChangeResult.failed(
                                update,
                                Outcome.REJECTED,
                                "Request_BadRequest",
                                "Invalid value specified for property 'usageLocation' of resource 'User'."),
                        ChangeResult.ok(remove, "id-bob"));
        server.verify(1, deleteRequestedFor(urlEqualTo(USERS + "/id-bob")));
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void create_uniquenessViolation_isAConflict() {
        server.stubFor(
                post(urlEqualTo(USERS))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"code": "Request_BadRequest",
                         "message": "Another object with the same value for property userPrincipalName already exists.",
                         "details": [{"target": "userPrincipalName", "code": "ObjectConflict"}]}}""")));
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                okJson(
                                        """
                {"value": [{"id": "id-holder", "userPrincipalName": "alice@contoso.example", "onPremisesImmutableId": null}]}""")));
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create))
                .containsExactly(
                        ChangeResult.failed(
                                create,
                                Outcome.CONFLICT,
                                "Request_BadRequest",
                                "userPrincipalName 'alice@contoso.example' is already held by user id-holder (alice@contoso.example):"
                                        + " Another object with the same value for property userPrincipalName already exists."));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("$filter", equalTo("userPrincipalName eq 'alice@contoso.example'"))
                        .withQueryParam("$select", equalTo("id,userPrincipalName,onPremisesImmutableId")));
    }

    @Test
    void update_forbidden_isRejectedForThatObjectOnly() {
        server.stubFor(
                patch(urlEqualTo(USERS + "/id-admin"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"code": "Authorization_RequestDenied",
                         "message": "Insufficient privileges to complete the operation."}}""")));
        Change update = new Change.Update("id-admin", GraphFixture.alice(), Set.of(MailUserField.DISPLAY_NAME));

        assertThat(apply(update)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.errorCode()).isEqualTo("Authorization_RequestDenied");
        });
    }
}

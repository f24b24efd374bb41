package dev.dirsync.cloud.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.scim.ScimFixture.CONFIG;
import static dev.dirsync.cloud.scim.ScimFixture.TOKEN;
import static dev.dirsync.cloud.scim.ScimFixture.USERS;
import static dev.dirsync.cloud.scim.ScimFixture.scimError;
import static dev.dirsync.cloud.scim.ScimFixture.scimJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.CredentialsRejectedException;
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

/** apply without /Bulk: the exact request per change and the result the service's answer becomes. */
class ScimApplyTest {

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

    private List<ChangeResult> apply(Change... changes) {
        List<ChangeResult> results = new ArrayList<>();
        scim.directory.apply(List.of(changes), results::add);
        return results;
    }

    private static String created(String id) {
        return "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"id\": \"" + id
                + "\", \"meta\": {\"resourceType\": \"User\"}}";
    }

    @Test
    void create_allProperties_postsTheMappedUserWithTheBearerToken() {
        scim.stubPlainConfig();
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimJson(201, created("id-alice"))));
        Change create = new Change.Create(ScimFixture.alice());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "id-alice"));

        server.verify(
                postRequestedFor(urlEqualTo(USERS))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withHeader("Content-Type", equalTo("application/scim+json"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                     "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User"],
                         "externalId": "QWxpY2UtYW5jaG9yLTAx",
                         "userName": "alice@contoso.example",
                         "name": {"givenName": "Alice", "familyName": "Liddell"},
                         "displayName": "Alice Liddell",
                         "emails": [{"value": "alice@wonderland.example", "type": "work", "primary": true},
                                    {"value": "a.liddell@wonderland.example", "type": "other"}],
                         "active": true,
                         "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User": {
                             "mailNickname": "alice",
                             "externalEmailAddress": "alice@wonderland.example",
                             "proxyAddresses": ["smtp:a.liddell@wonderland.example"],
                             "usageLocation": "GB"}}""")));
        server.verify(1, getRequestedFor(urlPathEqualTo(CONFIG)));
    }

    @Test
    void create_absentProperties_areLeftOutNotSentAsNull() {
        scim.stubPlainConfig();
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimJson(201, created("id-bob"))));
        Change create = new Change.Create(ScimFixture.bob());

        assertThat(apply(create)).containsExactly(ChangeResult.ok(create, "id-bob"));

        server.verify(
                postRequestedFor(urlEqualTo(USERS))
                        .withRequestBody(
                                equalToJson(
                                        """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User"],
                 "externalId": "Qm9iLWFuY2hvci0wMg==",
                 "userName": "bob@contoso.example",
                 "displayName": "Bob Builder",
                 "active": false,
                 "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User": {"mailNickname": "bob"}}""")));
    }

    @Test
    void update_patchOpCarriesOnlyTheChangedAttributes_aClearedOneIsRemoved() {
        scim.stubPlainConfig();
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice")).willReturn(noContent()));
        MailUser alice = ScimFixture.alice();
        MailUser changed = new MailUser(
                alice.anchor(),
                alice.userPrincipalName(),
                "Alice L.",
                alice.givenName(),
                null,
                alice.mailNickname(),
                alice.mail(),
                alice.otherMails(),
                false,
                alice.usageLocation());
        Change update = new Change.Update(
                "id-alice",
                changed,
                Set.of(MailUserField.DISPLAY_NAME, MailUserField.SURNAME, MailUserField.ACCOUNT_ENABLED));

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, "id-alice"));

        server.verify(
                patchRequestedFor(urlEqualTo(USERS + "/id-alice"))
                        .withHeader("Content-Type", equalTo("application/scim+json"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [
                             {"op": "replace", "path": "displayName", "value": "Alice L."},
                             {"op": "remove", "path": "name.familyName"},
                             {"op": "replace", "path": "active", "value": false}]}""")));
    }

    @Test
    void update_addressesChanged_replacesEmailsWholeAndTheExtensionAttributes() {
        scim.stubPlainConfig();
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice")).willReturn(scimJson(200, created("id-alice"))));
        MailUser alice = ScimFixture.alice();
        MailUser changed = new MailUser(
                alice.anchor(),
                alice.userPrincipalName(),
                alice.displayName(),
                alice.givenName(),
                alice.surname(),
                "alice2",
                "alice@looking-glass.example",
                List.of(),
                true,
                "US");
        Change update = new Change.Update(
                "id-alice",
                changed,
                Set.of(
                        MailUserField.MAIL,
                        MailUserField.OTHER_MAILS,
                        MailUserField.MAIL_NICKNAME,
                        MailUserField.USAGE_LOCATION));

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, "id-alice"));

        server.verify(
                patchRequestedFor(urlEqualTo(USERS + "/id-alice"))
                        .withRequestBody(
                                equalToJson(
                                        """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                     {"op": "replace", "path": "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User:mailNickname",
                      "value": "alice2"},
                     {"op": "replace",
                      "path": "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User:externalEmailAddress",
                      "value": "alice@looking-glass.example"},
                     {"op": "remove", "path": "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User:proxyAddresses"},
                     {"op": "replace", "path": "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User:usageLocation",
                      "value": "US"},
                     {"op": "replace", "path": "emails",
                      "value": [{"value": "alice@looking-glass.example", "type": "work", "primary": true}]}]}""")));
    }

    @Test
    void update_serviceWithoutPatch_putsTheWholeResource() {
        scim.stubConfig(false, 0, 0, 100);
        server.stubFor(put(urlEqualTo(USERS + "/id-bob")).willReturn(scimJson(200, created("id-bob"))));
        Change update = new Change.Update("id-bob", ScimFixture.bob(), Set.of(MailUserField.DISPLAY_NAME));

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, "id-bob"));

        server.verify(
                putRequestedFor(urlEqualTo(USERS + "/id-bob"))
                        .withRequestBody(
                                equalToJson(
                                        """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User"],
                 "externalId": "Qm9iLWFuY2hvci0wMg==",
                 "userName": "bob@contoso.example",
                 "displayName": "Bob Builder",
                 "active": false,
                 "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User": {"mailNickname": "bob"}}""")));
        server.verify(0, patchRequestedFor(urlPathEqualTo(USERS + "/id-bob")));
    }

    @Test
    void remove_deletesTheUser_andAUserAlreadyGoneIsDone() {
        scim.stubPlainConfig();
        server.stubFor(delete(urlEqualTo(USERS + "/id-alice")).willReturn(noContent()));
        server.stubFor(
                delete(urlEqualTo(USERS + "/id-bob")).willReturn(scimError(404, null, "Resource id-bob not found")));
        Change alice = new Change.Remove("id-alice", ScimFixture.alice().anchor());
        Change bob = new Change.Remove("id-bob", ScimFixture.bob().anchor());

        assertThat(apply(alice, bob))
                .containsExactly(ChangeResult.ok(alice, "id-alice"), ChangeResult.ok(bob, "id-bob"));
        server.verify(deleteRequestedFor(urlEqualTo(USERS + "/id-alice")));
    }

    @Test
    void create_userNameTaken_conflictWithTheScimDetail() {
        scim.stubPlainConfig();
        server.stubFor(post(urlEqualTo(USERS))
                .willReturn(scimError(409, "uniqueness", "User name alice@contoso.example is already in use")));
        Change create = new Change.Create(ScimFixture.alice());

        assertThat(apply(create))
                .containsExactly(ChangeResult.failed(
                        create, Outcome.CONFLICT, "uniqueness", "User name alice@contoso.example is already in use"));
        server.verify(1, postRequestedFor(urlEqualTo(USERS)));
    }

    @Test
    void update_invalidValue_rejectedWithScimTypeAndDetail_andTheNextChangeStillGoesOut() {
        scim.stubPlainConfig();
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice"))
                .willReturn(scimError(400, "invalidValue", "usageLocation must be a country code")));
        server.stubFor(delete(urlEqualTo(USERS + "/id-bob")).willReturn(noContent()));
        Change update = new Change.Update("id-alice", ScimFixture.alice(), Set.of(MailUserField.USAGE_LOCATION));
        Change remove = new Change.Remove("id-bob", ScimFixture.bob().anchor());

        assertThat(apply(update, remove))
                .containsExactly(
                        ChangeResult.failed(
                                update, Outcome.REJECTED, "invalidValue", "usageLocation must be a country code"),
                        ChangeResult.ok(remove, "id-bob"));
    }

    @Test
    void update_htmlErrorPage_rejectedWithADescriptionNotAParserError() {
        scim.stubPlainConfig();
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>Forbidden</h1></body></html>")));
        Change update = new Change.Update("id-alice", ScimFixture.alice(), Set.of(MailUserField.DISPLAY_NAME));

        assertThat(apply(update))
                .containsExactly(ChangeResult.failed(
                        update,
                        Outcome.REJECTED,
                        "HTTP_403",
                        "HTTP 403 from " + server.baseUrl() + USERS + "/id-alice (text/html), not a SCIM error body"));
    }

    @Test
    void create_malformedJsonError_rejectedWithADescription() {
        scim.stubPlainConfig();
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimJson(400, "{\"detail\": \"truncated")));
        Change create = new Change.Create(ScimFixture.alice());

        assertThat(apply(create)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(result.errorCode()).isEqualTo("HTTP_400");
            assertThat(result.message()).endsWith("(application/scim+json), not a SCIM error body");
        });
    }

    @Test
    void create_createdWithoutAnId_retryableSinceTheNextRunFindsItByAnchor() {
        scim.stubPlainConfig();
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimJson(201, "{\"schemas\": []}")));
        Change create = new Change.Create(ScimFixture.alice());

        assertThat(apply(create)).singleElement().satisfies(result -> assertThat(result.outcome())
                .isEqualTo(Outcome.RETRYABLE));
    }

    @Test
    void create_tokenRefused_throwsWithoutTheTokenAndWithoutRepeating() {
        scim.stubPlainConfig();
        server.stubFor(post(urlEqualTo(USERS)).willReturn(scimError(401, null, "Invalid bearer token")));

        assertThatThrownBy(() -> apply(new Change.Create(ScimFixture.alice())))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining("Invalid bearer token")
                .satisfies(e -> assertThat(ScimFixture.messages(e)).noneMatch(m -> m.contains(TOKEN)));
        server.verify(1, postRequestedFor(urlEqualTo(USERS)));
    }
}

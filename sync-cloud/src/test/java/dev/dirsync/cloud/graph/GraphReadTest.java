package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.graph.GraphFixture.CLIENT_ID;
import static dev.dirsync.cloud.graph.GraphFixture.SECRET;
import static dev.dirsync.cloud.graph.GraphFixture.SELECT;
import static dev.dirsync.cloud.graph.GraphFixture.TOKEN_PATH;
import static dev.dirsync.cloud.graph.GraphFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** listUsers and findByAnchor against a stubbed Graph: the exact requests sent and what is passed on. */
class GraphReadTest {

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

    @Test
    void listUsers_threePages_followsNextLinkAndPassesOnlyAnchoredUsers() {
        String page2 = server.baseUrl() + USERS + "?$select=" + SELECT + "&$top=999&$skiptoken=page2";
        String page3 = server.baseUrl() + USERS + "?$select=" + SELECT + "&$top=999&$skiptoken=page3";
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("$skiptoken", absent())
                .willReturn(okJson(
                        """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
                 "@odata.nextLink": "%s",
                 "value": [
                   {"id": "id-alice", "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx",
                    "userPrincipalName": "alice@contoso.example", "displayName": "Alice Liddell",
                    "givenName": "Alice", "surname": "Liddell", "mailNickname": "alice",
                    "mail": "alice@wonderland.example", "otherMails": ["a.liddell@wonderland.example"],
                    "accountEnabled": true, "usageLocation": "GB"},
                   {"id": "id-cloud-only", "onPremisesImmutableId": null, "userPrincipalName": "admin@contoso.example",
                    "displayName": "Cloud admin", "accountEnabled": true, "otherMails": []}
                 ]}"""
                                .formatted(page2))));
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("$skiptoken", equalTo("page2"))
                .willReturn(okJson(
                        """
                {"value": [
                   {"id": "id-guest", "userPrincipalName": "guest#EXT#@contoso.example", "otherMails": []}
                 ],
                 "@odata.nextLink": "%s"}"""
                                .formatted(page3))));
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .withQueryParam("$skiptoken", equalTo("page3"))
                        .willReturn(
                                okJson(
                                        """
                {"value": [
                   {"id": "id-bob", "onPremisesImmutableId": "Qm9iLWFuY2hvci0wMg==",
                    "userPrincipalName": "bob@contoso.example", "displayName": "Bob Builder",
                    "givenName": null, "surname": null, "mailNickname": "bob", "mail": null,
                    "otherMails": [], "accountEnabled": false, "usageLocation": null}
                 ]}""")));
        List<CloudUser> users = new ArrayList<>();

        graph.directory.listUsers(users::add);

        assertThat(users)
                .containsExactly(
                        new CloudUser("id-alice", GraphFixture.alice()), new CloudUser("id-bob", GraphFixture.bob()));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("$select", equalTo(SELECT))
                        .withQueryParam("$top", equalTo("999"))
                        .withQueryParam("$skiptoken", absent())
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .withHeader("Accept", equalTo("application/json")));
        for (String token : List.of("page2", "page3")) {
            server.verify(
                    1,
                    getRequestedFor(urlPathEqualTo(USERS))
                            .withQueryParam("$skiptoken", equalTo(token))
                            .withHeader("Authorization", equalTo("Bearer token-1")));
        }
        server.verify(3, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void listUsers_firstCall_requestsAClientCredentialsTokenOnce() {
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"value\": []}")));

        graph.directory.listUsers(user -> {});
        graph.directory.listUsers(user -> {});

        server.verify(
                1,
                postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withFormParam("grant_type", equalTo("client_credentials"))
                        .withFormParam("client_id", equalTo(CLIENT_ID))
                        .withFormParam("client_secret", equalTo(SECRET))
                        .withFormParam("scope", equalTo(server.baseUrl() + "/.default")));
        List<LoggedRequest> tokenRequests = server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(tokenRequests.get(0).getHeader("Authorization")).isNull();
        server.verify(2, getRequestedFor(urlPathEqualTo(USERS)).withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void listUsers_nextLinkToAnotherHost_refusedWithoutSendingTheToken() {
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                okJson(
                                        """
                {"@odata.nextLink": "https://collector.example/v1.0/users?$skiptoken=x", "value": []}""")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("leads away from")
                .hasMessageContaining("https://collector.example/v1.0/users");
    }

    @Test
    void listUsers_forbidden_credentialsRejectedNamingTheClientAndGraphsError() {
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"code": "Authorization_RequestDenied",
                                   "message": "Insufficient privileges to complete the operation."}}""")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining(CLIENT_ID)
                .hasMessageContaining("Authorization_RequestDenied: Insufficient privileges to complete the operation.")
                .satisfies(GraphFixture::assertNoSecret);
    }

    @Test
    void listUsers_htmlInsteadOfAPage_unavailableWithAClearMessage() {
        server.stubFor(get(urlPathEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Sign in to the proxy</body></html>")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("HTTP 200 from " + server.baseUrl() + USERS + " (text/html), not a Graph collection page");
    }

    @Test
    void listUsers_unavailableThroughEveryAttempt_throwsUnavailable() {
        server.stubFor(get(urlPathEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"serviceNotAvailable\", \"message\": \"Try later.\"}}")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("still failing after 6 attempts")
                .hasMessageContaining("serviceNotAvailable: Try later.");
        server.verify(6, getRequestedFor(urlPathEqualTo(USERS)));
        assertThat(sleeper.delays()).hasSize(5).allMatch(delay -> delay.getSeconds() == 2);
    }

    @Test
    void findByAnchor_filtersOnTheImmutableIdWithQuotesDoubledAndUrlEncoded() {
        Anchor anchor = new Anchor("O'Neil+/x==");
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                okJson(
                                        """
                {"value": [{"id": "id-oneil", "onPremisesImmutableId": "O'Neil+/x==", "userPrincipalName":
                 "oneil@contoso.example", "displayName": "Pat O'Neil", "mailNickname": "oneil",
                 "otherMails": [], "accountEnabled": true}]}""")));

        Optional<CloudUser> found = graph.directory.findByAnchor(anchor);

        assertThat(found).map(CloudUser::id).contains("id-oneil");
        assertThat(found).map(CloudUser::user).map(MailUser::anchor).contains(anchor);
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("$filter", equalTo("onPremisesImmutableId eq 'O''Neil+/x=='"))
                        .withQueryParam("$select", equalTo(SELECT))
                        .withHeader("Authorization", equalTo("Bearer token-1")));
        String rawUrl =
                server.findAll(getRequestedFor(urlPathEqualTo(USERS))).get(0).getUrl();
        assertThat(rawUrl).contains("$filter=onPremisesImmutableId%20eq%20%27O%27%27Neil%2B%2Fx%3D%3D%27");
    }

    @Test
    void findByAnchor_noMatch_empty() {
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"value\": []}")));

        assertThat(graph.directory.findByAnchor(new Anchor("bm90LXRoZXJl"))).isEmpty();
    }
}

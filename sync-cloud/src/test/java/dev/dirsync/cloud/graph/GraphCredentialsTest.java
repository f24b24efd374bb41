package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.graph.GraphFixture.CLIENT_ID;
import static dev.dirsync.cloud.graph.GraphFixture.SECRET;
import static dev.dirsync.cloud.graph.GraphFixture.TOKEN_PATH;
import static dev.dirsync.cloud.graph.GraphFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.MailUserField;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token endpoint's refusals, Graph's 401 and where the secret must never show up. */
class GraphCredentialsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String INVALID_CLIENT =
            """
            {"error": "invalid_client",
             "error_description": "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'.\\r\\nTrace ID: 0b1c2d3e\\r\\nCorrelation ID: 4f5a6b7c\\r\\nTimestamp: 2024-05-06 07:08:09Z",
             "error_codes": [7000215],
             "timestamp": "2024-05-06 07:08:09Z",
             "trace_id": "0b1c2d3e",
             "correlation_id": "4f5a6b7c",
             "error_uri": "https://login.microsoftonline.com/error?code=7000215"}""";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private GraphFixture graph;

    @AfterEach
    void stop() {
        graph.assertNoLeakedConnections();
        graph.close();
    }

    private Change update() {
        return new Change.Update("id-alice", GraphFixture.alice(), Set.of(MailUserField.DISPLAY_NAME));
    }

    @Test
    void tokenEndpointRejectsTheClient_credentialsRejectedNamingClientUrlAndCodeButNotTheSecret() {
        graph = GraphFixture.start(server, sleeper);
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(INVALID_CLIENT)));
        List<ChangeResult> results = new ArrayList<>();

        assertThatThrownBy(() -> graph.directory.apply(List.of(update()), results::add))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessage("the token endpoint " + server.baseUrl() + TOKEN_PATH + " rejected client id " + CLIENT_ID
                        + ": invalid_client (AADSTS7000215: Invalid client secret provided. Ensure the secret being sent"
                        + " in the request is the client secret value, not the client secret ID, for a secret added to"
                        + " app '" + CLIENT_ID + "'.)")
                .satisfies(GraphFixture::assertNoSecret);
        server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(0, patchRequestedFor(urlPathEqualTo(USERS + "/id-alice")));
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void tokenEndpointRejectsTheTenant_credentialsRejectedWithTheAadCode() {
        graph = GraphFixture.start(server, sleeper);
        server.stubFor(
                post(urlPathEqualTo(TOKEN_PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": "invalid_request", "error_description": "Tenant 'contoso.example' not found.",
                         "error_codes": [90002]}""")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageEndingWith(": invalid_request AADSTS90002 (Tenant 'contoso.example' not found.)")
                .satisfies(GraphFixture::assertNoSecret);
    }

    @Test
    void tokenEndpointEchoesTheSecret_theSecretIsScrubbed() {
        graph = GraphFixture.start(server, sleeper);
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_request\", \"error_description\": \"Bad client_secret="
                                + SECRET + "\"}")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining("client_secret=****")
                .satisfies(GraphFixture::assertNoSecret);
    }

    @Test
    void tokenEndpointUnreachable_unavailableNamingItsUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String tokenUrl = "http://127.0.0.1:" + closedPort + TOKEN_PATH;
        graph = GraphFixture.start(
                server, GraphFixture.settings(server).tokenUrl(tokenUrl).build(), sleeper);

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith(
                        "the token endpoint " + tokenUrl + " could not be reached (still failing after 6 attempts: ")
                .hasMessageContaining("ConnectException")
                .satisfies(GraphFixture::assertNoSecret);
        assertThat(sleeper.delays()).hasSize(5);
    }

    @Test
    void tokenEndpointBehindABrokenProxy_unavailableWithAClearMessage() {
        graph = GraphFixture.start(server, sleeper);
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bad Gateway</html>")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("the token endpoint " + server.baseUrl() + TOKEN_PATH
                        + " could not be reached (still failing" + " after 6 attempts: HTTP 502 from "
                        + server.baseUrl() + TOKEN_PATH + " (text/html))");
    }

    @Test
    void tokenEndpoint401WithoutAnOAuth2Body_unavailableNotCredentials() {
        graph = GraphFixture.start(server, sleeper);
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Proxy authentication required</html>")));

        assertThatThrownBy(() -> graph.directory.listUsers(user -> {}))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("the token endpoint answered HTTP 401 from " + server.baseUrl() + TOKEN_PATH
                        + " (text/html), not an OAuth2 error body");
    }

    @Test
    void graphRefusesTheToken_renewsItOnceAndRepeats() {
        graph = GraphFixture.start(server, sleeper);
        graph.stubTokens("token-1", "token-2");
        server.stubFor(
                patch(urlEqualTo(USERS + "/id-alice"))
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"code": "InvalidAuthenticationToken", "message": "Lifetime validation failed, the token is expired."}}""")));
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice"))
                .withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(noContent()));
        Change update = update();
        List<ChangeResult> results = new ArrayList<>();

        graph.directory.apply(List.of(update), results::add);

        assertThat(results).containsExactly(ChangeResult.ok(update, "id-alice"));
        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(
                1,
                patchRequestedFor(urlEqualTo(USERS + "/id-alice"))
                        .withHeader("Authorization", equalTo("Bearer token-1")));
        server.verify(
                1,
                patchRequestedFor(urlEqualTo(USERS + "/id-alice"))
                        .withHeader("Authorization", equalTo("Bearer token-2")));
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void graphRefusesTheRenewedTokenToo_credentialsRejectedWithoutLooping() {
        graph = GraphFixture.start(server, sleeper);
        graph.stubTokens("token-1", "token-2");
        server.stubFor(
                patch(urlEqualTo(USERS + "/id-alice"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"code": "InvalidAuthenticationToken", "message": "Access token validation failure. Invalid audience."}}""")));
        List<ChangeResult> results = new ArrayList<>();

        assertThatThrownBy(() -> graph.directory.apply(List.of(update()), results::add))
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining(CLIENT_ID)
                .hasMessageContaining("InvalidAuthenticationToken: Access token validation failure. Invalid audience.")
                .satisfies(GraphFixture::assertNoSecret)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("token-1", "token-2"));
        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(2, patchRequestedFor(urlEqualTo(USERS + "/id-alice")));
    }

    @Test
    void describeAndToString_nameUrlAndTenantButNeverTheSecret() {
        graph = GraphFixture.start(server, sleeper);

        assertThat(graph.directory.describe())
                .isEqualTo("Microsoft Graph " + server.baseUrl() + " (tenant " + GraphFixture.TENANT + ")");
        assertThat(List.of(graph.directory.describe(), graph.directory.toString(), graph.settings.toString()))
                .noneMatch(text -> text.contains(SECRET));
    }

    @Test
    void close_shutsTheClientDown() {
        graph = GraphFixture.start(server, sleeper);
        graph.stubTokens("token-1");
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice")).willReturn(noContent()));
        graph.directory.apply(List.of(update()), result -> {});
        assertThat(graph.client.connectionPool().connectionCount()).isPositive();

        graph.directory.close();

        assertThat(graph.client.connectionPool().connectionCount()).isZero();
        assertThat(graph.client.dispatcher().executorService().isShutdown()).isTrue();
    }
}

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
import static dev.dirsync.cloud.graph.GraphFixture.TOKEN_PATH;
import static dev.dirsync.cloud.graph.GraphFixture.USERS;
import static dev.dirsync.cloud.graph.internal.TestCertificates.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dirsync.cloud.graph.internal.TestCertificates;
import dev.dirsync.cloud.graph.internal.TestJwt;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.MailUserField;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Certificate credentials: the client assertion the token endpoint receives, and its refusal. */
class GraphCertificateTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    static Path dir;

    private static Path pkcs12;
    private static X509Certificate certificate;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private GraphFixture graph;

    @BeforeAll
    static void makeCertificate() {
        pkcs12 = TestCertificates.rsaPkcs12(dir, "dirsync-graph-app");
        certificate = (X509Certificate) TestCertificates.entry(pkcs12).getCertificate();
    }

    @AfterEach
    void stop() {
        graph.assertNoLeakedConnections();
        graph.close();
    }

    private void start() {
        GraphSettings settings = GraphFixture.settings(server)
                .clientSecret(null)
                .certificatePath(pkcs12)
                .certificatePassword(Secret.of(PASSWORD))
                .build();
        graph = GraphFixture.start(server, settings, sleeper);
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private List<ChangeResult> update() {
        List<ChangeResult> results = new ArrayList<>();
        graph.directory.apply(
                List.of(new Change.Update("id-alice", GraphFixture.alice(), Set.of(MailUserField.SURNAME))),
                results::add);
        return results;
    }

    @Test
    void tokenRequest_carriesASignedClientAssertionInsteadOfASecret() {
        start();
        graph.stubTokens("token-1");
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice")).willReturn(noContent()));
        long before = Instant.now().getEpochSecond();

        assertThat(update()).singleElement().satisfies(result -> assertThat(result.succeeded())
                .isTrue());

        List<LoggedRequest> tokenRequests = server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(tokenRequests).hasSize(1);
        Map<String, String> form = form(tokenRequests.get(0));
        assertThat(form.keySet())
                .containsExactly("grant_type", "client_id", "client_assertion_type", "client_assertion", "scope");
        assertThat(form)
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("scope", server.baseUrl() + "/.default");

        TestJwt jwt = TestJwt.parse(form.get("client_assertion"), certificate);
        assertThat(jwt.signatureVerifies())
                .as("signature verifies with the certificate's public key")
                .isTrue();
        assertThat(jwt.header().get("alg").asText()).isEqualTo("RS256");
        assertThat(jwt.header().get("typ").asText()).isEqualTo("JWT");
        assertThat(jwt.header().get("x5t#S256").asText()).isEqualTo(TestJwt.thumbprint("SHA-256", certificate));
        JsonNode claims = jwt.claims();
        assertThat(claims.get("aud").asText()).isEqualTo(server.baseUrl() + TOKEN_PATH);
        assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.get("sub").asText()).isEqualTo(CLIENT_ID);
        assertThat(UUID.fromString(claims.get("jti").asText())).isNotNull();
        assertThat(claims.get("nbf").asLong())
                .isBetween(before - 1, Instant.now().getEpochSecond() + 1);
        assertThat(claims.get("exp").asLong() - claims.get("nbf").asLong()).isEqualTo(600);

        server.verify(
                1,
                patchRequestedFor(urlEqualTo(USERS + "/id-alice"))
                        .withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void tokenEndpointRejectsTheAssertion_credentialsRejectedWithoutQuotingIt() {
        start();
        server.stubFor(
                post(urlPathEqualTo(TOKEN_PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": "invalid_client",
                         "error_description": "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.\\r\\nTrace ID: 1",
                         "error_codes": [700027]}""")));

        Throwable thrown = catchThrowable(this::update);

        assertThat(thrown)
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessage("the token endpoint " + server.baseUrl() + TOKEN_PATH + " rejected client id " + CLIENT_ID
                        + ": invalid_client (AADSTS700027: The certificate with identifier used to sign the client"
                        + " assertion is not registered on application.)");
        String assertion = form(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))
                        .get(0))
                .get("client_assertion");
        assertThat(GraphFixture.messages(thrown)).noneMatch(text -> text.contains(assertion));
    }

    @Test
    void settingsAndAdapter_neverShowTheCertificatePassword() {
        start();

        assertThat(List.of(graph.settings.toString(), graph.directory.toString(), graph.directory.describe()))
                .noneMatch(text -> text.contains(PASSWORD));
        assertThat(graph.settings.toString())
                .contains("certificate=GraphCertificate[path=" + pkcs12 + ", password=****]");
    }
}

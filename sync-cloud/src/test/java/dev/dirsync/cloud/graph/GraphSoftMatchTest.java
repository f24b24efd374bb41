package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Soft matching: adopting an unclaimed cloud user instead of creating a second one. */
class GraphSoftMatchTest {
    private static final String UPN_FILTER = "userPrincipalName eq 'alice@contoso.example'";
    private static final String PROXY_FILTER = "proxyAddresses/any(p:p eq 'SMTP:alice@wonderland.example')";
    private static final String MAIL_FILTER = "mail eq 'alice@wonderland.example'";
    /** Every owned property of alice, absent ones as null, and her anchor. */
    private static final String ADOPTION =
            """
            {"userPrincipalName": "alice@contoso.example", "displayName": "Alice Liddell", "givenName": "Alice",
             "surname": "Liddell", "mailNickname": "alice", "mail": "alice@wonderland.example",
             "otherMails": ["a.liddell@wonderland.example"], "accountEnabled": true, "usageLocation": "GB",
             "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx"}""";

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

    private void start(SoftMatch softMatch, boolean batch) {
        graph = GraphFixture.start(
                server,
                GraphFixture.settings(server).softMatch(softMatch).batch(batch).build(),
                sleeper);
        graph.stubTokens("token-1");
    }

    private List<ChangeResult> create() {
        List<ChangeResult> results = new ArrayList<>();
        graph.directory.apply(List.of(new Change.Create(GraphFixture.alice())), results::add);
        return results;
    }

    private static void stubFound(String filter, String users) {
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("$filter", equalTo(filter))
                .willReturn(okJson("{\"value\": [" + users + "]}")));
    }

    private static RequestPatternBuilder lookup(String filter) {
        return getRequestedFor(urlPathEqualTo(USERS))
                .withQueryParam("$filter", equalTo(filter))
                .withQueryParam("$select", equalTo("id,userPrincipalName,onPremisesImmutableId"));
    }

    @Test
    void byUpn_anUnclaimedUser_isAdoptedByPatchingTheAnchorAndProperties() {
        start(SoftMatch.UPN, false);
        stubFound(
                UPN_FILTER,
                "{\"id\": \"id-cloud-alice\", \"userPrincipalName\": \"alice@contoso.example\", \"onPremisesImmutableId\": null}");
        server.stubFor(patch(urlEqualTo(USERS + "/id-cloud-alice")).willReturn(noContent()));

        List<ChangeResult> results = create();

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.OK);
            assertThat(result.cloudId()).isEqualTo("id-cloud-alice");
        });
        server.verify(1, lookup(UPN_FILTER));
        server.verify(
                1, patchRequestedFor(urlEqualTo(USERS + "/id-cloud-alice")).withRequestBody(equalToJson(ADOPTION)));
        server.verify(0, postRequestedFor(urlEqualTo(USERS)));
    }

    @Test
    void byUpn_inABatch_theAdoptionIsAPatchItem() {
        start(SoftMatch.UPN, true);
        stubFound(UPN_FILTER, "{\"id\": \"id-cloud-alice\", \"userPrincipalName\": \"alice@contoso.example\"}");
        server.stubFor(post(urlEqualTo(GraphBatchTest.BATCH))
                .willReturn(okJson("{\"responses\": [{\"id\": \"1\", \"status\": 204}]}")));

        assertThat(create()).singleElement().extracting(ChangeResult::cloudId).isEqualTo("id-cloud-alice");
        var item = json(server.findAll(postRequestedFor(urlEqualTo(GraphBatchTest.BATCH)))
                        .get(0)
                        .getBodyAsString())
                .at("/requests/0");
        assertThat(item.get("method").asText()).isEqualTo("PATCH");
        assertThat(item.get("url").asText()).isEqualTo("/users/id-cloud-alice");
        assertThat(item.get("body")).isEqualTo(json(ADOPTION));
    }

    @Test
    void bySmtp_primaryProxyAddress_advancedQuery_thenAdopted() {
        start(SoftMatch.SMTP, false);
        stubFound(PROXY_FILTER, "{\"id\": \"id-cloud-alice\", \"userPrincipalName\": \"a.liddell@contoso.example\"}");
        server.stubFor(patch(urlEqualTo(USERS + "/id-cloud-alice")).willReturn(noContent()));

        assertThat(create()).singleElement().extracting(ChangeResult::cloudId).isEqualTo("id-cloud-alice");
        server.verify(
                1,
                lookup(PROXY_FILTER)
                        .withQueryParam("$count", equalTo("true"))
                        .withHeader("ConsistencyLevel", equalTo("eventual")));
        server.verify(0, lookup(MAIL_FILTER));
        server.verify(
                1, patchRequestedFor(urlEqualTo(USERS + "/id-cloud-alice")).withRequestBody(equalToJson(ADOPTION)));
    }

    @Test
    void bySmtp_noProxyAddressMatch_thenByMail() {
        start(SoftMatch.SMTP, false);
        stubFound(PROXY_FILTER, "");
        stubFound(MAIL_FILTER, "{\"id\": \"id-cloud-alice\", \"userPrincipalName\": \"alice.l@contoso.example\"}");
        server.stubFor(patch(urlEqualTo(USERS + "/id-cloud-alice")).willReturn(noContent()));

        assertThat(create()).singleElement().extracting(ChangeResult::cloudId).isEqualTo("id-cloud-alice");
        server.verify(1, lookup(MAIL_FILTER));
    }

    @Test
    void aMatchCarryingAnotherAnchor_isNeverAdopted_conflict() {
        start(SoftMatch.UPN, false);
        stubFound(
                UPN_FILTER,
                "{\"id\": \"id-cloud-alice\", \"userPrincipalName\": \"alice@contoso.example\", \"onPremisesImmutableId\": \"T3RoZXItYW5jaG9y\"}");

        assertThat(create()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(result.errorCode()).isEqualTo("ANCHOR_MISMATCH");
            assertThat(result.message())
                    .isEqualTo("userPrincipalName 'alice@contoso.example' is held by user id-cloud-alice"
                            + " (alice@contoso.example), which already carries another onPremisesImmutableId (T3RoZXItYW5jaG9y);"
                            + " it is never adopted");
        });
        server.verify(0, patchRequestedFor(urlPathEqualTo(USERS + "/id-cloud-alice")));
        server.verify(0, postRequestedFor(urlEqualTo(USERS)));
    }

    @Test
    void aMatchCarryingThisAnchor_isTheCreateDone() {
        start(SoftMatch.UPN, false);
        stubFound(
                UPN_FILTER,
                "{\"id\": \"id-alice\", \"userPrincipalName\": \"alice@contoso.example\", \"onPremisesImmutableId\": \"QWxpY2UtYW5jaG9yLTAx\"}");

        assertThat(create()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.OK);
            assertThat(result.cloudId()).isEqualTo("id-alice");
        });
        server.verify(0, patchRequestedFor(urlPathEqualTo(USERS + "/id-alice")));
        server.verify(0, postRequestedFor(urlEqualTo(USERS)));
    }

    @Test
    void severalMatches_noneAdopted_conflict() {
        start(SoftMatch.SMTP, false);
        stubFound(
                PROXY_FILTER,
                "{\"id\": \"id-1\", \"userPrincipalName\": \"one@contoso.example\"},"
                        + "{\"id\": \"id-2\", \"userPrincipalName\": \"two@contoso.example\"}");

        assertThat(create()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(result.errorCode()).isEqualTo("AMBIGUOUS_MATCH");
            assertThat(result.message())
                    .isEqualTo("SMTP address 'alice@wonderland.example' matches 2 cloud users"
                            + " (user id-1 (one@contoso.example), user id-2 (two@contoso.example)); none is adopted");
        });
    }

    @Test
    void noMatch_theUserIsCreated() {
        start(SoftMatch.UPN, false);
        stubFound(UPN_FILTER, "");
        server.stubFor(post(urlEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"new-alice\"}")));

        assertThat(create()).singleElement().extracting(ChangeResult::cloudId).isEqualTo("new-alice");
        server.verify(1, lookup(UPN_FILTER));
    }

    @Test
    void lookupFails_retryableAndNothingWritten() {
        start(SoftMatch.UPN, false);
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": {\"code\": \"Request_UnsupportedQuery\", \"message\": \"Unsupported query.\"}}")));

        assertThat(create()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(result.errorCode()).isEqualTo("LOOKUP_FAILED");
            assertThat(result.message())
                    .startsWith(
                            "not created: the soft match by userPrincipalName 'alice@contoso.example'" + " failed: ")
                    .contains("Request_UnsupportedQuery");
        });
        server.verify(0, postRequestedFor(urlEqualTo(USERS)));
    }

    @Test
    void off_neverLooksUp() {
        start(SoftMatch.OFF, false);
        server.stubFor(post(urlEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"new-alice\"}")));

        assertThat(create()).singleElement().extracting(ChangeResult::cloudId).isEqualTo("new-alice");
        server.verify(0, getRequestedFor(urlPathEqualTo(USERS)));
    }
}

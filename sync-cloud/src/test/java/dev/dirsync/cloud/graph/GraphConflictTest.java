package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.graph.GraphFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUserField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A value another object holds: the change is a CONFLICT whose message names the value and the
 * holder, looked up by that value, in a batch or alone.
 */
class GraphConflictTest {

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

    private void start(boolean batch) {
        graph = GraphFixture.start(
                server, GraphFixture.settings(server).batch(batch).build(), sleeper);
        graph.stubTokens("token-1");
    }

    private List<ChangeResult> apply(Change... changes) {
        List<ChangeResult> results = new ArrayList<>();
        graph.directory.apply(List.of(changes), results::add);
        return results;
    }

    private static String conflictBody(String property) {
        return "{\"error\": {\"code\": \"Request_BadRequest\", \"message\": \"Another object with the same value for property "
                + property + " already exists.\", \"details\": [{\"code\": \"ObjectConflict\", \"target\": \""
                + property + "\"}]}}";
    }

    private static ResponseDefinitionBuilder conflict(int status, String property) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(conflictBody(property));
    }

    private static void stubHolders(String holders) {
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"value\": [" + holders + "]}")));
    }

    @Test
    void batchItem_upnTaken_conflictNamingTheValueAndTheHolder() {
        start(true);
        server.stubFor(post(urlEqualTo(GraphBatchTest.BATCH))
                .willReturn(okJson("{\"responses\": [{\"id\": \"1\", \"status\": 400,"
                        + " \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": "
                        + conflictBody("userPrincipalName") + "}]}")));
        stubHolders(
                "{\"id\": \"id-holder\", \"userPrincipalName\": \"alice@contoso.example\", \"onPremisesImmutableId\": \"T3RoZXI=\"}");
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
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void singleRequest_409OnMail_conflictNamingTheHolder() {
        start(false);
        server.stubFor(patch(urlEqualTo(USERS + "/id-alice")).willReturn(conflict(409, "mail")));
        stubHolders("{\"id\": \"id-hatter\", \"userPrincipalName\": \"hatter@contoso.example\"}");
        Change update = new Change.Update("id-alice", GraphFixture.alice(), Set.of(MailUserField.MAIL));

        assertThat(apply(update))
                .containsExactly(ChangeResult.failed(
                        update,
                        Outcome.CONFLICT,
                        "Request_BadRequest",
                        "mail 'alice@wonderland.example' is already held by user id-hatter (hatter@contoso.example):"
                                + " Another object with the same value for property mail already exists."));
        server.verify(getRequestedFor(urlPathEqualTo(USERS))
                .withQueryParam("$filter", equalTo("mail eq 'alice@wonderland.example'")));
    }

    @Test
    void proxyAddressTaken_holderFoundByAnAdvancedQuery() {
        start(false);
        server.stubFor(post(urlEqualTo(USERS)).willReturn(conflict(400, "proxyAddresses")));
        stubHolders("{\"id\": \"id-group-owner\", \"userPrincipalName\": \"wonder@contoso.example\"},"
                + "{\"id\": \"id-other\", \"userPrincipalName\": \"other@contoso.example\"}");
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(result.message())
                    .isEqualTo("proxyAddresses 'alice@wonderland.example' is already held by user"
                            + " id-group-owner (wonder@contoso.example), user id-other (other@contoso.example): Another object with"
                            + " the same value for property proxyAddresses already exists.");
        });
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam(
                                "$filter", equalTo("proxyAddresses/any(p:p eq 'SMTP:alice@wonderland.example')"))
                        .withQueryParam("$count", equalTo("true"))
                        .withHeader("ConsistencyLevel", equalTo("eventual")));
    }

    @Test
    void holderNotListed_saysWhereItMayBe() {
        start(true);
        server.stubFor(post(urlEqualTo(GraphBatchTest.BATCH))
                .willReturn(okJson("{\"responses\": [{\"id\": \"1\", \"status\": 400,"
                        + " \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": "
                        + conflictBody("userPrincipalName") + "}]}")));
        stubHolders("");
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create))
                .singleElement()
                .extracting(ChangeResult::message)
                .isEqualTo(
                        "userPrincipalName 'alice@contoso.example' is already held by an object Graph does not list as a user"
                                + " (a deleted user, a group or a contact): Another object with the same value for property"
                                + " userPrincipalName already exists.");
    }

    @Test
    void holderLookupFails_stillAConflict_sayingTheLookupFailed() {
        start(false);
        server.stubFor(post(urlEqualTo(USERS)).willReturn(conflict(400, "userPrincipalName")));
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": {\"code\": \"Request_UnsupportedQuery\", \"message\": \"Unsupported query.\"}}")));
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(result.message())
                    .startsWith("userPrincipalName 'alice@contoso.example' is already held by another"
                            + " object (looking it up failed: ")
                    .contains("Request_UnsupportedQuery: Unsupported query.");
        });
    }

    @Test
    void conflictWithoutANamedProperty_keepsGraphsWords() {
        start(false);
        server.stubFor(post(urlEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"code\": \"Request_BadRequest\", \"message\": \"A conflicting object with one or more"
                                        + " of the specified property values is present in the directory.\"}}")));
        Change create = new Change.Create(GraphFixture.alice());

        assertThat(apply(create))
                .containsExactly(
                        ChangeResult.failed(
                                create,
                                Outcome.CONFLICT,
                                "Request_BadRequest",
                                "A conflicting object with one or more of the specified property values is present in the directory."));
        server.verify(0, getRequestedFor(urlPathEqualTo(USERS)));
    }
}

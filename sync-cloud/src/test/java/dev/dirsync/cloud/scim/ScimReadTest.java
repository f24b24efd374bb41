package dev.dirsync.cloud.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.scim.ScimFixture.CONFIG;
import static dev.dirsync.cloud.scim.ScimFixture.TOKEN;
import static dev.dirsync.cloud.scim.ScimFixture.USERS;
import static dev.dirsync.cloud.scim.ScimFixture.listResponse;
import static dev.dirsync.cloud.scim.ScimFixture.scimError;
import static dev.dirsync.cloud.scim.ScimFixture.scimJson;
import static dev.dirsync.cloud.scim.ScimFixture.userJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading: ServiceProviderConfig, paging, look-up by anchor, and answers that are not SCIM. */
class ScimReadTest {

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

    private List<CloudUser> listUsers() {
        List<CloudUser> users = new ArrayList<>();
        scim.directory.listUsers(users::add);
        return users;
    }

    private static void stubIndexPage(int startIndex, int count, String body) {
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("startIndex", equalTo(Integer.toString(startIndex)))
                .withQueryParam("count", equalTo(Integer.toString(count)))
                .willReturn(scimJson(200, body)));
    }

    @Test
    void listUsers_indexPaging_followsStartIndexUntilTotalResults_andLeavesUsersWithoutExternalIdAlone() {
        scim.stubConfig(true, 0, 0, 2);
        stubIndexPage(
                1,
                2,
                listResponse(
                        5,
                        1,
                        userJson("id-1", "QQ==", "a@contoso.example"),
                        userJson("id-2", null, "admin@contoso.example")));
        stubIndexPage(
                3,
                2,
                listResponse(
                        5,
                        3,
                        userJson("id-3", "Qg==", "b@contoso.example"),
                        userJson("id-4", "Qw==", "c@contoso.example")));
        stubIndexPage(
                5,
                2,
                listResponse(
                        5,
                        5,
                        """
                {"id": "id-5", "externalId": "RA==", "userName": "d@contoso.example", "displayName": "D",
                 "name": {"givenName": "Dee", "familyName": "Dow"}, "active": true,
                 "emails": [{"value": "other@partner.example", "type": "other"},
                            {"value": "d@partner.example", "type": "work", "primary": true}],
                 "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User":
                     {"mailNickname": "dd", "usageLocation": "NL", "proxyAddresses": ["smtp:ignored@partner.example"]}}"""));

        List<CloudUser> users = listUsers();

        assertThat(users).extracting(CloudUser::id).containsExactly("id-1", "id-3", "id-4", "id-5");
        assertThat(users.get(3).user())
                .isEqualTo(new MailUser(
                        new Anchor("RA=="),
                        "d@contoso.example",
                        "D",
                        "Dee",
                        "Dow",
                        "dd",
                        "d@partner.example",
                        List.of("other@partner.example"),
                        true,
                        "NL"));
        server.verify(3, getRequestedFor(urlPathEqualTo(USERS)));
        server.verify(getRequestedFor(urlPathEqualTo(USERS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/scim+json, application/json")));
    }

    @Test
    void listUsers_cursorPagingWhenAdvertised_followsNextCursorToTheLastPage() {
        server.stubFor(
                get(urlPathEqualTo(CONFIG))
                        .willReturn(
                                scimJson(
                                        200,
                                        """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                 "patch": {"supported": true}, "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
                 "filter": {"supported": true, "maxResults": 200},
                 "pagination": {"cursor": true, "index": true, "defaultPaginationMethod": "index",
                                "defaultPageSize": 10, "maxPageSize": 3, "cursorTimeout": 3600}}""")));
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("cursor", equalTo(""))
                .withQueryParam("count", equalTo("3"))
                .willReturn(scimJson(
                        200,
                        """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 4,
                         "itemsPerPage": 3, "nextCursor": "VZUTiyhEQJ94IR",
                         "Resources": [%s, %s, %s]}"""
                                .formatted(
                                        userJson("id-1", "QQ==", "a@x.example"),
                                        userJson("id-2", "Qg==", "b@x.example"),
                                        userJson("id-3", "Qw==", "c@x.example")))));
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("cursor", equalTo("VZUTiyhEQJ94IR"))
                .withQueryParam("count", equalTo("3"))
                .willReturn(scimJson(
                        200,
                        """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                         "itemsPerPage": 1, "previousCursor": "ze7L30kMiiLX6x", "Resources": [%s]}"""
                                .formatted(userJson("id-4", "RA==", "d@x.example")))));

        assertThat(listUsers()).extracting(CloudUser::id).containsExactly("id-1", "id-2", "id-3", "id-4");
        server.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
        server.verify(0, getRequestedFor(urlPathEqualTo(USERS)).withQueryParam("startIndex", equalTo("1")));
    }

    @Test
    void listUsers_emptyCollectionWithoutResources_endsAtOnce() {
        scim.stubPlainConfig();
        stubIndexPage(
                1,
                100,
                "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"], "
                        + "\"totalResults\": 0, \"itemsPerPage\": 0, \"startIndex\": 1}");

        assertThat(listUsers()).isEmpty();
    }

    @Test
    void findByAnchor_filterValueIsAnEscapedStringLiteral() {
        scim.stubPlainConfig();
        Anchor odd = new Anchor("a\"b\\c+d/e==");
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .willReturn(
                                scimJson(
                                        200,
                                        listResponse(
                                                1,
                                                1,
                                                "{\"id\": \"id-odd\", \"externalId\": \"a\\\"b\\\\c+d/e==\", \"userName\": \"odd@x.example\"}"))));

        assertThat(scim.directory.findByAnchor(odd)).map(CloudUser::id).contains("id-odd");
        server.verify(getRequestedFor(urlPathEqualTo(USERS))
                .withQueryParam("filter", equalTo("externalId eq \"a\\\"b\\\\c+d/e==\"")));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(USERS))).get(0).getUrl())
                .contains("filter=externalId%20eq%20%22a%5C%22b%5C%5Cc%2Bd%2Fe%3D%3D%22");
    }

    @Test
    void findByAnchor_aMatchOnlyByCaseIsNotTheUser() {
        scim.stubPlainConfig();
        server.stubFor(get(urlPathEqualTo(USERS))
                .willReturn(scimJson(200, listResponse(1, 1, userJson("id-other", "qwxpy2u=", "other@x.example")))));

        assertThat(scim.directory.findByAnchor(new Anchor("QWxpY2U="))).isEmpty();
    }

    @Test
    void noServiceProviderConfig_putForUpdatesAndAScanToFindByAnchor() {
        server.stubFor(get(urlPathEqualTo(CONFIG)).willReturn(scimError(404, null, "not found")));
        stubIndexPage(
                1,
                100,
                listResponse(
                        2,
                        1,
                        userJson("id-1", "QQ==", "a@x.example"),
                        userJson("id-alice", "QWxpY2UtYW5jaG9yLTAx", "alice@contoso.example")));
        server.stubFor(put(urlEqualTo(USERS + "/id-alice")).willReturn(scimJson(200, "{\"id\": \"id-alice\"}")));

        assertThat(scim.directory.findByAnchor(ScimFixture.alice().anchor()))
                .map(CloudUser::id)
                .contains("id-alice");
        Change update = new Change.Update("id-alice", ScimFixture.alice(), Set.of(MailUserField.DISPLAY_NAME));
        List<ChangeResult> results = new ArrayList<>();
        scim.directory.apply(List.of(update), results::add);

        assertThat(results).containsExactly(ChangeResult.ok(update, "id-alice"));
        server.verify(0, getRequestedFor(urlPathEqualTo(USERS)).withQueryParam("filter", matching(".*")));
        server.verify(1, putRequestedFor(urlEqualTo(USERS + "/id-alice")));
        server.verify(1, getRequestedFor(urlPathEqualTo(CONFIG)));
    }

    @Test
    void listUsers_malformedJson_unavailableNamingTheParserProblem() {
        scim.stubPlainConfig();
        stubIndexPage(1, 100, "{\"totalResults\": 3, \"Resources\": [{\"id\": \"id-1\", \"externalId\": ");

        assertThatThrownBy(this::listUsers)
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("is not a readable SCIM list response");
    }

    @Test
    void listUsers_htmlPageWithStatus200_unavailableSayingItIsNotScim() {
        scim.stubPlainConfig();
        server.stubFor(get(urlPathEqualTo(USERS))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Sign in</html>")));

        assertThatThrownBy(this::listUsers)
                .isInstanceOf(UnavailableException.class)
                .hasMessage("HTTP 200 from " + server.baseUrl() + USERS + " (text/html), not a SCIM list response");
    }

    @Test
    void serviceProviderConfigAsHtml_unavailableAskingAboutTheBaseUrl() {
        server.stubFor(get(urlPathEqualTo(CONFIG))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Welcome</html>")));

        assertThatThrownBy(this::listUsers)
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("not a SCIM ServiceProviderConfig: is " + server.baseUrl() + "/scim/v2");
    }

    @Test
    void tokenRefused_credentialsRejectedWithoutTheToken() {
        server.stubFor(get(urlPathEqualTo(CONFIG)).willReturn(scimError(401, null, "token expired")));

        assertThatThrownBy(this::listUsers)
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining("refused the bearer token")
                .satisfies(e -> assertThat(ScimFixture.messages(e)).noneMatch(m -> m.contains(TOKEN)));
    }

    @Test
    void listUsers_throttledPage_waitsRetryAfterThenGoesOn() {
        scim.stubPlainConfig();
        server.stubFor(get(urlPathEqualTo(USERS))
                .inScenario("throttle")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(scimError(429, null, "too many requests").withHeader("Retry-After", "2"))
                .willSetStateTo("open"));
        server.stubFor(get(urlPathEqualTo(USERS))
                .inScenario("throttle")
                .whenScenarioStateIs("open")
                .willReturn(scimJson(200, listResponse(1, 1, userJson("id-1", "QQ==", "a@x.example")))));

        assertThat(listUsers()).extracting(CloudUser::id).containsExactly("id-1");
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void listUsers_unavailableThroughEveryAttempt_throwsWithTheLastAnswer() {
        scim.stubPlainConfig();
        server.stubFor(get(urlPathEqualTo(USERS))
                .willReturn(scimError(503, null, "maintenance").withHeader("Retry-After", "1")));

        assertThatThrownBy(this::listUsers)
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("still failing after 6 attempts")
                .hasMessageContaining("maintenance");
        assertThat(sleeper.delays()).hasSize(5).containsOnly(Duration.ofSeconds(1));
    }
}

package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.graph.GraphFixture.CLIENT_ID;
import static dev.dirsync.cloud.graph.GraphFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudAddresses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** listAddresses against a stubbed Graph: the three collections, the requests sent and what is passed on. */
class GraphAddressesTest {
    static final String GROUPS = "/v1.0/groups";
    static final String CONTACTS = "/v1.0/contacts";
    static final String USER_SELECT =
            "id,userPrincipalName,displayName,mail,proxyAddresses,otherMails,onPremisesImmutableId";
    static final String SELECT = "id,displayName,mail,proxyAddresses";
    static final String DENIED =
            """
            {"error": {"code": "Authorization_RequestDenied",
                       "message": "Insufficient privileges to complete the operation."}}""";

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

    private List<CloudAddresses> listAddresses() {
        List<CloudAddresses> holders = new ArrayList<>();
        graph.directory.listAddresses(holders::add);
        return holders;
    }

    private static void stubEmpty(String path) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": []}")));
    }

    private static void stubDenied(String path) {
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DENIED)));
    }

    @Test
    void listAddresses_everyUserGroupAndContact_smtpPrefixesStrippedAndDeduplicated() {
        String page2 = server.baseUrl() + USERS + "?$select=" + USER_SELECT + "&$top=999&$skiptoken=page2";
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("$skiptoken", absent())
                .willReturn(okJson(
                        """
                {"@odata.nextLink": "%s",
                 "value": [
                   {"id": "id-alice", "userPrincipalName": "alice@contoso.example", "displayName": "Alice Liddell",
                    "mail": "alice@wonderland.example", "onPremisesImmutableId": "QWxpY2UtYW5jaG9yLTAx",
                    "proxyAddresses": ["SMTP:Alice@Wonderland.example", "smtp:a.liddell@wonderland.example",
                                       "SIP:alice@wonderland.example", "X500:/o=Contoso/cn=alice"],
                    "otherMails": ["alice@home.example"]},
                   {"id": "id-admin", "userPrincipalName": "admin@contoso.example", "displayName": "Cloud admin",
                    "mail": null, "onPremisesImmutableId": null, "proxyAddresses": [],
                    "otherMails": ["admin@home.example", "ADMIN@home.example"]}
                 ]}"""
                                .formatted(page2))));
        server.stubFor(
                get(urlPathEqualTo(USERS))
                        .withQueryParam("$skiptoken", equalTo("page2"))
                        .willReturn(
                                okJson(
                                        """
                {"value": [
                   {"userPrincipalName": "no-id@contoso.example"},
                   {"id": "id-guest", "userPrincipalName": "guest_fabrikam.example#EXT#@contoso.example",
                    "mail": "guest@fabrikam.example", "proxyAddresses": ["smtp:guest@fabrikam.example"],
                    "otherMails": []}
                 ]}""")));
        server.stubFor(
                get(urlPathEqualTo(GROUPS))
                        .willReturn(
                                okJson(
                                        """
                {"value": [
                   {"id": "id-sales", "displayName": "Sales", "mail": "sales@contoso.example",
                    "proxyAddresses": ["smtp:team@contoso.example", "SMTP:sales@contoso.example"]},
                   {"id": "id-security", "displayName": "Admins", "mail": null, "proxyAddresses": []},
                   {"id": "id-unnamed", "displayName": null, "mail": "unnamed@contoso.example", "proxyAddresses": []}
                 ]}""")));
        server.stubFor(
                get(urlPathEqualTo(CONTACTS))
                        .willReturn(
                                okJson(
                                        """
                {"value": [
                   {"id": "id-partner", "displayName": "Partner", "mail": "partner@fabrikam.example",
                    "proxyAddresses": ["SMTP:partner@fabrikam.example", "smtp:sales@fabrikam.example"]}
                 ]}""")));

        List<CloudAddresses> holders = listAddresses();

        assertThat(holders)
                .containsExactly(
                        new CloudAddresses(
                                "id-alice",
                                "user",
                                new Anchor("QWxpY2UtYW5jaG9yLTAx"),
                                "alice@contoso.example",
                                List.of("alice@contoso.example"),
                                List.of("alice@wonderland.example", "a.liddell@wonderland.example")),
                        new CloudAddresses(
                                "id-admin",
                                "user",
                                null,
                                "admin@contoso.example",
                                List.of("admin@contoso.example"),
                                List.of("admin@home.example")),
                        new CloudAddresses(
                                "id-guest",
                                "user",
                                null,
                                "guest_fabrikam.example#EXT#@contoso.example",
                                List.of("guest_fabrikam.example#EXT#@contoso.example"),
                                List.of("guest@fabrikam.example")),
                        new CloudAddresses(
                                "id-sales",
                                "group",
                                null,
                                "Sales",
                                List.of(),
                                List.of("sales@contoso.example", "team@contoso.example")),
                        new CloudAddresses(
                                "id-unnamed",
                                "group",
                                null,
                                "unnamed@contoso.example",
                                List.of(),
                                List.of("unnamed@contoso.example")),
                        new CloudAddresses(
                                "id-partner",
                                "contact",
                                null,
                                "Partner",
                                List.of(),
                                List.of("partner@fabrikam.example", "sales@fabrikam.example")));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("$select", equalTo(USER_SELECT))
                        .withQueryParam("$top", equalTo("999"))
                        .withQueryParam("$skiptoken", absent())
                        .withHeader("Authorization", equalTo("Bearer token-1"))
                        .withHeader("Accept", equalTo("application/json")));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(USERS))
                        .withQueryParam("$skiptoken", equalTo("page2"))
                        .withHeader("Authorization", equalTo("Bearer token-1")));
        server.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
        for (String path : List.of(GROUPS, CONTACTS)) {
            server.verify(
                    1,
                    getRequestedFor(urlPathEqualTo(path))
                            .withQueryParam("$select", equalTo(SELECT))
                            .withQueryParam("$top", equalTo("999"))
                            .withHeader("Authorization", equalTo("Bearer token-1"))
                            .withHeader("Accept", equalTo("application/json")));
            server.verify(1, getRequestedFor(urlPathEqualTo(path)));
        }
    }

    @Test
    void listAddresses_groupsRefused_failsNamingThePermission_andReadsNoContacts() {
        stubEmpty(USERS);
        stubDenied(GROUPS);
        stubEmpty(CONTACTS);

        assertThatThrownBy(this::listAddresses)
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessage("Graph refused client id " + CLIENT_ID + " to list groups: grant the app the"
                        + " application permission GroupMember.Read.All, Group.Read.All or Directory.Read.All"
                        + " (with admin consent): HTTP 403 from " + server.baseUrl() + GROUPS
                        + " (application/json): Authorization_RequestDenied: Insufficient privileges to complete"
                        + " the operation.")
                .satisfies(GraphFixture::assertNoSecret);
        server.verify(0, getRequestedFor(urlPathEqualTo(CONTACTS)));
    }

    @Test
    void listAddresses_contactsRefused_failsNamingThePermission() {
        stubEmpty(USERS);
        stubEmpty(GROUPS);
        stubDenied(CONTACTS);

        assertThatThrownBy(this::listAddresses)
                .isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining("to list organizational contacts")
                .hasMessageContaining("OrgContact.Read.All or Directory.Read.All")
                .hasMessageContaining("HTTP 403 from " + server.baseUrl() + CONTACTS);
    }

    @Test
    void listAddresses_throttledGroupsPage_waitsWhatRetryAfterAsksAndRepeats() {
        stubEmpty(USERS);
        stubEmpty(CONTACTS);
        server.stubFor(get(urlPathEqualTo(GROUPS))
                .inScenario("groups")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"TooManyRequests\", \"message\": \"slow down\"}}"))
                .willSetStateTo("answered"));
        server.stubFor(
                get(urlPathEqualTo(GROUPS))
                        .inScenario("groups")
                        .whenScenarioStateIs("answered")
                        .willReturn(
                                okJson(
                                        """
                {"value": [{"id": "id-sales", "displayName": "Sales", "mail": "sales@contoso.example"}]}""")));

        List<CloudAddresses> holders = listAddresses();

        assertThat(holders).extracting(CloudAddresses::cloudId).containsExactly("id-sales");
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
        server.verify(2, getRequestedFor(urlPathEqualTo(GROUPS)));
    }
}

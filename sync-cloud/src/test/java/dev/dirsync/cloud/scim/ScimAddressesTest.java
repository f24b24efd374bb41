package dev.dirsync.cloud.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.dirsync.cloud.scim.ScimFixture.TOKEN;
import static dev.dirsync.cloud.scim.ScimFixture.USERS;
import static dev.dirsync.cloud.scim.ScimFixture.listResponse;
import static dev.dirsync.cloud.scim.ScimFixture.scimJson;
import static dev.dirsync.cloud.scim.ScimFixture.userJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudAddresses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** listAddresses against a stubbed SCIM service: every user, its userName and email addresses. */
class ScimAddressesTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ScimFixture scim;

    @BeforeEach
    void start() {
        scim = ScimFixture.start(server, new RecordingSleeper());
    }

    @AfterEach
    void stop() {
        scim.assertNoLeakedConnections();
        scim.close();
    }

    private static void stubIndexPage(int startIndex, String body) {
        server.stubFor(get(urlPathEqualTo(USERS))
                .withQueryParam("startIndex", equalTo(Integer.toString(startIndex)))
                .withQueryParam("count", equalTo("2"))
                .willReturn(scimJson(200, body)));
    }

    @Test
    void listAddresses_everyUserWithOrWithoutExternalId_userNameAndEmailsOnceEach() {
        scim.stubConfig(true, 0, 0, 2);
        stubIndexPage(
                1,
                listResponse(
                        4,
                        1,
                        """
                {"id": "id-1", "externalId": "QQ==", "userName": "a@contoso.example", "displayName": "A",
                 "emails": [{"value": "a@partner.example", "type": "work", "primary": true},
                            {"value": "A@Partner.example", "type": "other"},
                            {"value": "alias@partner.example", "type": "other"}]}""",
                        userJson("id-2", null, "admin@contoso.example")));
        stubIndexPage(
                3,
                listResponse(
                        4,
                        3,
                        """
                {"id": "id-3", "displayName": "Nameless", "emails": [{"value": "n@partner.example"}]}""",
                        """
                {"id": "id-4", "displayName": "Holds nothing"}"""));
        List<CloudAddresses> holders = new ArrayList<>();

        scim.directory.listAddresses(holders::add);

        assertThat(holders)
                .containsExactly(
                        new CloudAddresses(
                                "id-1",
                                "user",
                                new Anchor("QQ=="),
                                "a@contoso.example",
                                List.of("a@contoso.example"),
                                List.of("a@partner.example", "alias@partner.example")),
                        new CloudAddresses(
                                "id-2",
                                "user",
                                null,
                                "admin@contoso.example",
                                List.of("admin@contoso.example"),
                                List.of()),
                        new CloudAddresses("id-3", "user", null, "Nameless", List.of(), List.of("n@partner.example")));
        for (int startIndex : new int[] {1, 3}) {
            server.verify(
                    1,
                    getRequestedFor(urlPathEqualTo(USERS))
                            .withQueryParam("startIndex", equalTo(Integer.toString(startIndex)))
                            .withQueryParam("count", equalTo("2"))
                            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                            .withHeader("Accept", equalTo("application/scim+json, application/json")));
        }
        server.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }
}

package dev.dirsync.cloud.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirsync.cloud.CloudTestData;
import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.MailUser;
import java.time.Clock;
import java.util.List;
import okhttp3.OkHttpClient;

/** A SCIM adapter pointed at a WireMock server, with the shared test data. */
final class ScimFixture implements AutoCloseable {
    static final String BASE = "/scim/v2";
    static final String USERS = BASE + "/Users";
    static final String BULK = BASE + "/Bulk";
    static final String CONFIG = BASE + "/ServiceProviderConfig";
    static final String TOKEN = "s3cr3t-SCIM.token_THAT-must-not-leak";
    static final String MAIL_USER = "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User";
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockExtension server;
    final OkHttpClient client;
    final ScimCloudDirectory directory;

    private ScimFixture(WireMockExtension server, ScimSettings settings, Sleeper sleeper) {
        this.server = server;
        this.client = HttpClients.create(settings.http());
        this.directory = new ScimCloudDirectory(settings, client, sleeper, Clock.systemUTC());
    }

    static ScimFixture start(WireMockExtension server, Sleeper sleeper) {
        return new ScimFixture(server, settings(server).build(), sleeper);
    }

    static ScimFixture start(WireMockExtension server, ScimSettings settings, Sleeper sleeper) {
        return new ScimFixture(server, settings, sleeper);
    }

    static ScimSettings.Builder settings(WireMockExtension server) {
        return ScimSettings.builder().url(server.baseUrl() + BASE).token(Secret.of(TOKEN));
    }

    /** Serves a ServiceProviderConfig with these capabilities ({@code bulkMaxOperations} 0: no bulk). */
    void stubConfig(boolean patch, int bulkMaxOperations, long bulkMaxPayload, int filterMaxResults) {
        server.stubFor(get(urlPathEqualTo(CONFIG))
                .willReturn(scimJson(
                        200,
                        """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                 "patch": {"supported": %s},
                 "bulk": {"supported": %s, "maxOperations": %d, "maxPayloadSize": %d},
                 "filter": {"supported": true, "maxResults": %d},
                 "changePassword": {"supported": false}, "sort": {"supported": false}, "etag": {"supported": false},
                 "authenticationSchemes": [{"type": "oauthbearertoken", "name": "OAuth Bearer Token",
                                            "description": "bearer token"}]}"""
                                .formatted(
                                        patch,
                                        bulkMaxOperations > 0,
                                        bulkMaxOperations,
                                        bulkMaxPayload,
                                        filterMaxResults))));
    }

    /** patch, no bulk, pages of up to 100. */
    void stubPlainConfig() {
        stubConfig(true, 0, 0, 100);
    }

    static ResponseDefinitionBuilder scimJson(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/scim+json")
                .withBody(body);
    }

    static ResponseDefinitionBuilder scimError(int status, String scimType, String detail) {
        return scimJson(
                status,
                "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:Error\"], \"status\": \""
                        + status + "\"" + (scimType == null ? "" : ", \"scimType\": \"" + scimType + "\"")
                        + ", \"detail\": \"" + detail + "\"}");
    }

    static String listResponse(long total, int startIndex, String... resources) {
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"], \"totalResults\": " + total
                + ", \"startIndex\": " + startIndex + ", \"itemsPerPage\": " + resources.length
                + ", \"Resources\": [" + String.join(",", resources) + "]}";
    }

    static String userJson(String id, String externalId, String userName) {
        return "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"id\": \"" + id + "\""
                + (externalId == null ? "" : ", \"externalId\": \"" + externalId + "\"")
                + ", \"userName\": \"" + userName + "\", \"active\": true}";
    }

    /** Every response body was closed: no connection is still held by a caller. */
    void assertNoLeakedConnections() {
        assertThat(client.connectionPool().idleConnectionCount())
                .as("pooled connections not returned")
                .isEqualTo(client.connectionPool().connectionCount());
    }

    @Override
    public void close() {
        directory.close();
    }

    static MailUser alice() {
        return CloudTestData.alice();
    }

    static MailUser bob() {
        return CloudTestData.bob();
    }

    static JsonNode json(String text) {
        return CloudTestData.json(text);
    }

    static List<String> messages(Throwable failure) {
        return CloudTestData.messages(failure);
    }
}

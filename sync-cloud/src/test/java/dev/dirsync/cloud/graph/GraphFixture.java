package dev.dirsync.cloud.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.dirsync.cloud.CloudTestData;
import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.MutableClock;
import dev.dirsync.cloud.internal.RecordingSleeper;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.MailUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;

/** A Graph adapter pointed at a WireMock server, with the shared test data. */
final class GraphFixture implements AutoCloseable {
    static final String TENANT = "contoso.example";
    static final String CLIENT_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    static final String SECRET = "Zx8Q~s3cr3t.value_THAT-must-not-leak";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String USERS = "/v1.0/users";
    static final String SELECT = "id,onPremisesImmutableId,userPrincipalName,displayName,givenName,surname,"
            + "mailNickname,mail,otherMails,accountEnabled,usageLocation";
    static final ObjectMapper JSON = new ObjectMapper();
    /** A write budget no test reaches. */
    static final int UNLIMITED = 1_000_000_000;

    final WireMockExtension server;
    final GraphSettings settings;
    final OkHttpClient client;
    final GraphCloudDirectory directory;
    /** The adapter's clock when the sleeper only records; null when it runs on the system clock. */
    final MutableClock clock;

    /**
     * A {@link RecordingSleeper} returns at once; the adapter then runs on a clock that each of its
     * waits moves on, so that a wait is never waited twice (the write budget's pause after a 429
     * ends when the retry's own wait does). Any other sleeper really waits, on the system clock.
     */
    private GraphFixture(WireMockExtension server, GraphSettings settings, Sleeper sleeper) {
        this.server = server;
        this.settings = settings;
        this.client = HttpClients.create(settings.http());
        if (sleeper instanceof RecordingSleeper recording) {
            this.clock = new MutableClock(Instant.now());
            this.directory = new GraphCloudDirectory(
                    settings,
                    client,
                    delay -> {
                        recording.sleep(delay);
                        clock.advance(delay);
                    },
                    clock);
        } else {
            this.clock = null;
            this.directory = new GraphCloudDirectory(settings, client, sleeper, Clock.systemUTC());
        }
    }

    static GraphFixture start(WireMockExtension server, Sleeper sleeper) {
        return new GraphFixture(server, settings(server).build(), sleeper);
    }

    static GraphFixture start(WireMockExtension server, GraphSettings settings, Sleeper sleeper) {
        return new GraphFixture(server, settings, sleeper);
    }

    /**
     * One request per change and a write budget too large to hold anything back: the tests of
     * single requests assert exact waits. Batching, pacing and concurrency have their own tests.
     */
    static GraphSettings.Builder settings(WireMockExtension server) {
        return GraphSettings.builder()
                .graphUrl(server.baseUrl())
                .tokenUrl(server.baseUrl() + TOKEN_PATH)
                .tenantId(TENANT)
                .clientId(CLIENT_ID)
                .clientSecret(Secret.of(SECRET))
                .batch(false)
                .writeBudget(UNLIMITED, Duration.ofSeconds(1));
    }

    /** The token endpoint hands out {@code tokens} in turn, the last one from then on. */
    void stubTokens(String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = "token " + (i + 1);
            var stub = post(urlPathEqualTo(TOKEN_PATH))
                    .inScenario("tokens")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                            + "\"access_token\":\"" + tokens[i] + "\"}"));
            server.stubFor(i == tokens.length - 1 ? stub : stub.willSetStateTo(next));
            state = next;
        }
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

    static void assertNoSecret(Throwable failure) {
        assertThat(messages(failure)).noneMatch(message -> message.contains(SECRET));
    }
}

package dev.dirsync.cloud.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter against the cloud emulator, end to end: batches, pacing and soft matching. */
class GraphEmulatorTest {
    private static final String TENANT = "contoso.example";

    private CloudEmulator emulator;
    private GraphCloudDirectory graph;

    @AfterEach
    void stop() {
        graph.close();
        emulator.close();
    }

    private void start(EmulatorSettings.Builder emulatorSettings, GraphSettings.Builder settings) {
        emulator = CloudEmulator.start(emulatorSettings.build());
        graph = new GraphCloudDirectory(settings.graphUrl(emulator.url())
                .tokenUrl(emulator.tokenUrl(TENANT))
                .tenantId(TENANT)
                .clientId(EmulatorSettings.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(EmulatorSettings.DEFAULT_CLIENT_SECRET))
                .build());
    }

    private List<ChangeResult> apply(List<Change> changes) {
        List<ChangeResult> results = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += graph.preferredBatchSize()) {
            graph.apply(
                    changes.subList(from, Math.min(changes.size(), from + graph.preferredBatchSize())), results::add);
        }
        return results;
    }

    private static List<Change> creates(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (Change) new Change.Create(GraphThroughputBenchmark.user(i)))
                .toList();
    }

    @Test
    void initialSyncInBatches_thenUpdatesAndRemovals_theCloudHoldsExactlyThat() {
        start(EmulatorSettings.builder(), GraphSettings.builder().writeBudget(1_000_000, Duration.ofSeconds(1)));

        List<ChangeResult> created = apply(creates(130));

        assertThat(created).hasSize(130).allMatch(ChangeResult::succeeded);
        List<CloudUser> listed = new ArrayList<>();
        graph.listUsers(listed::add);
        assertThat(listed).hasSize(130);
        assertThat(emulator.stats().creates()).isEqualTo(130);

        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CloudUser user = listed.get(i);
            MailUser renamed = new MailUser(
                    user.anchor(),
                    user.user().userPrincipalName(),
                    "Renamed " + i,
                    user.user().givenName(),
                    user.user().surname(),
                    user.user().mailNickname(),
                    user.user().mail(),
                    user.user().otherMails(),
                    user.user().accountEnabled(),
                    user.user().usageLocation());
            changes.add(new Change.Update(user.id(), renamed, Set.of(MailUserField.DISPLAY_NAME)));
        }
        for (int i = 10; i < 15; i++) {
            changes.add(new Change.Remove(listed.get(i).id(), listed.get(i).anchor()));
        }
        emulator.resetStats();

        assertThat(apply(changes)).hasSize(15).allMatch(ChangeResult::succeeded);
        assertThat(emulator.stats().updates()).isEqualTo(10);
        assertThat(emulator.stats().deletes()).isEqualTo(5);
        List<CloudUser> after = new ArrayList<>();
        graph.listUsers(after::add);
        assertThat(after).hasSize(125);
        assertThat(after)
                .filteredOn(user -> user.user().displayName().startsWith("Renamed "))
                .hasSize(10);
    }

    @Test
    void throttledCloud_everyWriteLands_pacedUnderTheBudget() {
        start(
                EmulatorSettings.builder().writesPerSecond(50),
                GraphSettings.builder().writeBudget(50, Duration.ofSeconds(1)));
        long started = System.nanoTime();

        List<ChangeResult> created = apply(creates(150));

        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(created).hasSize(150).allMatch(ChangeResult::succeeded);
        assertThat(emulator.stats().creates()).isEqualTo(150);
        assertThat(emulator.stats().throttled()).as("writes answered 429").isLessThanOrEqualTo(2);
        assertThat(tookMillis).as("150 writes at 50 per second").isGreaterThanOrEqualTo(2_900);
    }

    @Test
    void softMatchByUpn_adoptsTheUserCreatedInTheCloud() throws IOException {
        start(EmulatorSettings.builder(), GraphSettings.builder().softMatch(SoftMatch.UPN));
        MailUser alice = GraphThroughputBenchmark.user(7);
        String cloudId = createInTheCloud(alice.userPrincipalName());

        List<ChangeResult> results = apply(List.of(new Change.Create(alice)));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.succeeded()).isTrue();
            assertThat(result.cloudId()).isEqualTo(cloudId);
        });
        assertThat(emulator.users()).singleElement().satisfies(user -> {
            assertThat(user)
                    .containsEntry("id", cloudId)
                    .containsEntry("onPremisesImmutableId", alice.anchor().value())
                    .containsEntry("displayName", alice.displayName());
        });
        assertThat(graph.findByAnchor(alice.anchor()))
                .hasValueSatisfying(user -> assertThat(user.id()).isEqualTo(cloudId));
    }

    /** A user made by hand in the cloud, without an anchor; its id. */
    @Test
    void listAddresses_usersGroupsAndContactsSeededInTheEmulator_allListed() throws IOException {
        start(EmulatorSettings.builder().pageSize(1), GraphSettings.builder());
        MailUser alice = GraphFixture.alice();
        assertThat(apply(List.of(new Change.Create(alice)))).allMatch(ChangeResult::succeeded);
        String admin = createInTheCloud("admin@contoso.example");
        String sales = (String) emulator.addGroup(Map.of(
                        "displayName",
                        "Sales",
                        "mail",
                        "sales@contoso.example",
                        "proxyAddresses",
                        List.of("SMTP:sales@contoso.example", "smtp:team@contoso.example")))
                .get("id");
        emulator.addGroup(Map.of("displayName", "Security group without mail"));
        String partner =
                (String) emulator.addContact(Map.of("displayName", "Partner", "mail", "partner@fabrikam.example"))
                        .get("id");
        List<CloudAddresses> holders = new ArrayList<>();

        graph.listAddresses(holders::add);

        assertThat(holders)
                .containsExactly(
                        new CloudAddresses(
                                emulator.users().get(0).get("id").toString(),
                                "user",
                                alice.anchor(),
                                alice.userPrincipalName(),
                                List.of(alice.userPrincipalName()),
                                List.of(alice.mail())),
                        new CloudAddresses(
                                admin,
                                "user",
                                null,
                                "admin@contoso.example",
                                List.of("admin@contoso.example"),
                                List.of()),
                        new CloudAddresses(
                                sales,
                                "group",
                                null,
                                "Sales",
                                List.of(),
                                List.of("sales@contoso.example", "team@contoso.example")),
                        new CloudAddresses(
                                partner, "contact", null, "Partner", List.of(), List.of("partner@fabrikam.example")));
    }

    private String createInTheCloud(String userPrincipalName) throws IOException {
        ObjectMapper json = new ObjectMapper();
        OkHttpClient client = new OkHttpClient();
        try {
            Request tokenRequest = new Request.Builder()
                    .url(emulator.tokenUrl(TENANT))
                    .post(new FormBody.Builder()
                            .add("grant_type", "client_credentials")
                            .add("client_id", EmulatorSettings.DEFAULT_CLIENT_ID)
                            .add("client_secret", EmulatorSettings.DEFAULT_CLIENT_SECRET)
                            .add("scope", emulator.url() + "/.default")
                            .build())
                    .build();
            String token;
            try (Response response = client.newCall(tokenRequest).execute()) {
                token = json.readTree(response.body().bytes())
                        .get("access_token")
                        .asText();
            }
            byte[] user = json.writeValueAsBytes(Map.of(
                    "accountEnabled",
                    true,
                    "displayName",
                    "Made by hand",
                    "mailNickname",
                    "byhand",
                    "userPrincipalName",
                    userPrincipalName,
                    "passwordProfile",
                    Map.of("password", "Initial-Pa55word!")));
            Request create = new Request.Builder()
                    .url(emulator.graphUrl() + "/users")
                    .header("Authorization", "Bearer " + token)
                    .post(RequestBody.create(user, MediaType.get("application/json")))
                    .build();
            try (Response response = client.newCall(create).execute()) {
                JsonNode created = json.readTree(response.body().bytes());
                assertThat(response.code()).isEqualTo(201);
                return created.get("id").asText();
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}

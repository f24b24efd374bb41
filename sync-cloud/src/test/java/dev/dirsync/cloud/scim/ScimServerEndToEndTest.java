package dev.dirsync.cloud.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SCIM connector against an independent SCIM 2.0 service implementation (the SCIM SDK's
 * server, in memory, see {@link ScimSdkServer}): create, list, update and delete, asserted on the
 * service's own state.
 */
class ScimServerEndToEndTest {
    private static final String TOKEN = "e2e-token-0123456789";
    private static final String MAIL_USER = "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User";

    private ScimSdkServer server;
    private ScimCloudDirectory directory;

    private void start(boolean patch, int bulkMaxOperations, int pageSize) {
        server = ScimSdkServer.start(patch, bulkMaxOperations, pageSize, TOKEN);
        directory = new ScimCloudDirectory(ScimSettings.builder()
                .url(server.baseUrl())
                .token(Secret.of(TOKEN))
                .maxAttempts(2)
                .build());
    }

    @AfterEach
    void stop() {
        if (directory != null) {
            directory.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private List<ChangeResult> apply(Change... changes) {
        List<ChangeResult> results = new ArrayList<>();
        directory.apply(List.of(changes), results::add);
        return results;
    }

    private Map<Anchor, CloudUser> listed() {
        List<CloudUser> users = new ArrayList<>();
        directory.listUsers(users::add);
        return users.stream().collect(Collectors.toMap(CloudUser::anchor, Function.identity()));
    }

    private JsonNode stored(String externalId) {
        return server.users().stream()
                .filter(user -> user.getExternalId().orElse("").equals(externalId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no user with externalId " + externalId));
    }

    static MailUser person(int n) {
        return new MailUser(
                new Anchor("QW5jaG9yLTAw" + n + "w=="),
                "user" + n + "@contoso.example",
                "User " + n,
                "Given" + n,
                "Family" + n,
                "user" + n,
                "user" + n + "@partner.example",
                List.of("u" + n + "@partner.example", "user.alias" + n + "@partner.example"),
                n % 2 == 0,
                "GB");
    }

    private static Set<MailUserField> differences(MailUser a, MailUser b) {
        Set<MailUserField> fields = EnumSet.noneOf(MailUserField.class);
        Arrays.stream(MailUserField.values()).filter(f -> f.differs(a, b)).forEach(fields::add);
        return fields;
    }

    @Test
    void createListUpdateDelete_throughBulkAndPatch_theServiceHoldsExactlyWhatWasSent() {
        start(true, 3, 2);
        List<Change> creates = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            creates.add(new Change.Create(person(n)));
        }

        List<ChangeResult> created = apply(creates.toArray(Change[]::new));

        assertThat(created)
                .extracting(ChangeResult::outcome)
                .containsOnly(Outcome.OK)
                .hasSize(5);
        assertThat(server.users()).hasSize(5);
        assertThat(server.requests("POST"))
                .as("two bulk requests of at most three operations")
                .isEqualTo(2);
        JsonNode first = stored(person(1).anchor().value());
        assertThat(first.get("id").asText()).isEqualTo(created.get(0).cloudId());
        assertThat(first.get("userName").asText()).isEqualTo("user1@contoso.example");
        assertThat(first.path("name").path("givenName").asText()).isEqualTo("Given1");
        assertThat(first.path("name").path("familyName").asText()).isEqualTo("Family1");
        assertThat(first.get("displayName").asText()).isEqualTo("User 1");
        assertThat(first.get("active").asBoolean()).isFalse();
        assertThat(first.path("emails").get(0).path("value").asText()).isEqualTo("user1@partner.example");
        assertThat(first.path("emails").get(0).path("primary").asBoolean()).isTrue();
        assertThat(first.path("emails")).hasSize(3);
        JsonNode extension = first.path(MAIL_USER);
        assertThat(extension.path("mailNickname").asText()).isEqualTo("user1");
        assertThat(extension.path("externalEmailAddress").asText()).isEqualTo("user1@partner.example");
        assertThat(extension.path("usageLocation").asText()).isEqualTo("GB");
        assertThat(extension.path("proxyAddresses"))
                .extracting(JsonNode::asText)
                .containsExactly("smtp:u1@partner.example", "smtp:user.alias1@partner.example");

        server.add(User.builder().userName("someone.else@contoso.example").build());
        Map<Anchor, CloudUser> listed = listed();
        assertThat(listed).as("the user without an externalId is left alone").hasSize(5);
        for (int n = 1; n <= 5; n++) {
            CloudUser cloud = listed.get(person(n).anchor());
            assertThat(cloud.id()).isEqualTo(created.get(n - 1).cloudId());
            assertThat(differences(cloud.user(), person(n)))
                    .as("user %d reads back unchanged", n)
                    .isEmpty();
        }
        assertThat(directory.findByAnchor(person(3).anchor()))
                .map(CloudUser::id)
                .contains(created.get(2).cloudId());
        assertThat(directory.findByAnchor(new Anchor("bm90LXRoZXJl"))).isEmpty();

        MailUser before = person(2);
        MailUser after = new MailUser(
                before.anchor(),
                before.userPrincipalName(),
                before.displayName(),
                before.givenName(),
                null,
                "user2-new",
                "user2@elsewhere.example",
                List.of("u2@partner.example"),
                false,
                "DE");
        Set<MailUserField> changed = differences(before, after);
        Change update = new Change.Update(created.get(1).cloudId(), after, changed);
        Change remove = new Change.Remove(created.get(4).cloudId(), person(5).anchor());

        assertThat(apply(update, remove))
                .containsExactly(
                        ChangeResult.ok(update, created.get(1).cloudId()),
                        ChangeResult.ok(remove, created.get(4).cloudId()));

        assertThat(server.users()).hasSize(5);
        JsonNode updated = stored(before.anchor().value());
        assertThat(updated.path("name").has("familyName")).isFalse();
        assertThat(updated.path("name").path("givenName").asText()).isEqualTo("Given2");
        assertThat(updated.get("active").asBoolean()).isFalse();
        assertThat(updated.path(MAIL_USER).path("mailNickname").asText()).isEqualTo("user2-new");
        assertThat(updated.path(MAIL_USER).path("usageLocation").asText()).isEqualTo("DE");
        assertThat(updated.path("emails")).hasSize(2);
        Map<Anchor, CloudUser> relisted = listed();
        assertThat(relisted).hasSize(4).doesNotContainKey(person(5).anchor());
        assertThat(differences(relisted.get(before.anchor()).user(), after)).isEmpty();
        assertThat(differences(relisted.get(person(1).anchor()).user(), person(1)))
                .isEmpty();
    }

    @Test
    void withoutPatchOrBulk_updatesPutTheWholeUserOneRequestEach() {
        start(false, 0, 50);
        Change create = new Change.Create(person(1));
        String id = apply(create).get(0).cloudId();
        MailUser after = new MailUser(
                person(1).anchor(),
                "renamed@contoso.example",
                "Renamed",
                null,
                "Family1",
                "user1",
                null,
                List.of(),
                true,
                null);
        Change update = new Change.Update(id, after, differences(person(1), after));

        assertThat(apply(update)).containsExactly(ChangeResult.ok(update, id));

        assertThat(server.requests("PUT")).isEqualTo(1);
        assertThat(server.requests("PATCH")).isZero();
        CloudUser cloud = directory.findByAnchor(after.anchor()).orElseThrow();
        assertThat(differences(cloud.user(), after)).isEmpty();
        JsonNode stored = stored(after.anchor().value());
        assertThat(stored.has("emails")).isFalse();
        assertThat(stored.path(MAIL_USER).has("usageLocation")).isFalse();
    }

    @Test
    void userNameTakenByAnotherUser_conflictWithTheServicesDetail() {
        start(true, 0, 50);
        server.add(User.builder().userName("USER1@contoso.example").build());
        Change create = new Change.Create(person(1));

        List<ChangeResult> results = apply(create);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(result.errorCode()).isEqualTo("uniqueness");
            assertThat(result.message()).contains("already taken");
        });
        assertThat(server.users()).hasSize(1);
    }

    @Test
    void conflictInsideABulkRequest_onlyThatChangeFails() {
        start(true, 10, 50);
        server.add(User.builder().userName("user2@contoso.example").build());

        List<ChangeResult> results =
                apply(new Change.Create(person(1)), new Change.Create(person(2)), new Change.Create(person(3)));

        assertThat(results).extracting(ChangeResult::outcome).containsExactly(Outcome.OK, Outcome.CONFLICT, Outcome.OK);
        assertThat(results.get(1).errorCode()).isEqualTo("uniqueness");
        assertThat(server.users()).hasSize(3);
        assertThat(server.requests("POST")).isEqualTo(1);
    }
}

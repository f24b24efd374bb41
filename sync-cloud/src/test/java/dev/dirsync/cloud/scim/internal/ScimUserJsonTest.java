package dev.dirsync.cloud.scim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScimUserJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MailUser user(String mail, List<String> otherMails) {
        return new MailUser(
                new Anchor("QUJD"), "u@contoso.example", "U", "Given", "Family", "nick", mail, otherMails, true, "FR");
    }

    private static Optional<CloudUser> roundTrip(MailUser user) throws Exception {
        var resource = ScimUserJson.resource(user);
        resource.put("id", "id-1");
        return ScimUserJson.cloudUser(JSON.readTree(JSON.writeValueAsBytes(resource)));
    }

    @Test
    void resource_readsBackAsTheSameMailUser() throws Exception {
        MailUser user = user("u@partner.example", List.of("a@partner.example", "b@partner.example"));

        assertThat(roundTrip(user)).contains(new CloudUser("id-1", user));
    }

    @Test
    void resource_withoutMailButWithOtherMails_readsBackWithoutMail() throws Exception {
        MailUser user = user(null, List.of("a@partner.example"));

        assertThat(roundTrip(user)).contains(new CloudUser("id-1", user));
        assertThat(ScimUserJson.resource(user).get("emails").get(0).has("primary"))
                .isFalse();
    }

    @Test
    void cloudUser_withoutExternalIdOrId_isNotDirsyncs() throws Exception {
        assertThat(ScimUserJson.cloudUser(JSON.readTree("{\"id\": \"x\", \"userName\": \"a\"}")))
                .isEmpty();
        assertThat(ScimUserJson.cloudUser(JSON.readTree("{\"externalId\": \"QUJD\"}")))
                .isEmpty();
    }

    @Test
    void cloudUser_workAddressIsTheMailWhenNoneIsPrimary() throws Exception {
        CloudUser user = ScimUserJson.cloudUser(
                        JSON.readTree(
                                """
                {"id": "x", "externalId": "QUJD", "active": "true",
                 "emails": [{"value": "home@x.example", "type": "home"}, {"value": "work@x.example", "type": "work"}]}"""))
                .orElseThrow();

        assertThat(user.user().mail()).isEqualTo("work@x.example");
        assertThat(user.user().otherMails()).containsExactly("home@x.example");
        assertThat(user.user().accountEnabled()).isTrue();
    }
}

package dev.dirsync.cloud.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphUserJsonTest {

    private static JsonNode json(String text) throws IOException {
        return GraphJson.MAPPER.readTree(text);
    }

    private static final MailUser CAROL = new MailUser(
            new Anchor("Q2Fyb2w="),
            "carol@contoso.example",
            "Carol",
            "",
            "Kay",
            "carol",
            null,
            List.of("c1@x.example", "c2@x.example"),
            true,
            "DE");

    @Test
    void patchBody_everyField_usesGraphNamesAndNullsForAbsentValues() throws IOException {
        assertThat(GraphUserJson.patchBody(CAROL, EnumSet.allOf(MailUserField.class)))
                .isEqualTo(
                        json(
                                """
                {"userPrincipalName": "carol@contoso.example", "displayName": "Carol", "givenName": null,
                 "surname": "Kay", "mailNickname": "carol", "mail": null,
                 "otherMails": ["c1@x.example", "c2@x.example"], "accountEnabled": true, "usageLocation": "DE"}"""));
    }

    @Test
    void adoptBody_theAnchorAndEveryOwnedProperty() throws IOException {
        assertThat(GraphUserJson.adoptBody(CAROL))
                .isEqualTo(
                        json(
                                """
                {"userPrincipalName": "carol@contoso.example", "displayName": "Carol", "givenName": null,
                 "surname": "Kay", "mailNickname": "carol", "mail": null,
                 "otherMails": ["c1@x.example", "c2@x.example"], "accountEnabled": true, "usageLocation": "DE",
                 "onPremisesImmutableId": "Q2Fyb2w="}"""));
    }

    @Test
    void ref_anyUserWithAnId_anchorOrNot() throws IOException {
        assertThat(GraphUserJson.ref(json(
                        "{\"id\": \"u1\", \"userPrincipalName\": \"a@x.example\", \"onPremisesImmutableId\": null}")))
                .contains(new UserRef("u1", "a@x.example", null));
        assertThat(GraphUserJson.ref(json("{\"id\": \"u2\", \"onPremisesImmutableId\": \"QQ==\"}")))
                .contains(new UserRef("u2", null, "QQ=="));
        assertThat(GraphUserJson.ref(json("{\"userPrincipalName\": \"a@x.example\"}")))
                .isEmpty();
    }

    @Test
    void createBody_emptyTextIsLeftOut() {
        assertThat(GraphUserJson.createBody(CAROL, "pw").has("givenName")).isFalse();
        assertThat(GraphUserJson.createBody(CAROL, "pw").has("mail")).isFalse();
    }

    @Test
    void cloudUser_withoutAnchorOrId_empty() throws IOException {
        assertThat(GraphUserJson.cloudUser(json("{\"id\": \"1\"}"))).isEmpty();
        assertThat(GraphUserJson.cloudUser(json("{\"id\": \"1\", \"onPremisesImmutableId\": \"\"}")))
                .isEmpty();
        assertThat(GraphUserJson.cloudUser(json("{\"onPremisesImmutableId\": \"QQ==\"}")))
                .isEmpty();
    }

    @Test
    void cloudUser_roundTripsWhatCreateSends() throws IOException {
        JsonNode created = GraphUserJson.createBody(CAROL, "pw");
        ((com.fasterxml.jackson.databind.node.ObjectNode) created).put("id", "id-carol");

        assertThat(GraphUserJson.cloudUser(created))
                .contains(new CloudUser(
                        "id-carol",
                        new MailUser(
                                CAROL.anchor(),
                                "carol@contoso.example",
                                "Carol",
                                null,
                                "Kay",
                                "carol",
                                null,
                                CAROL.otherMails(),
                                true,
                                "DE")));
    }

    @Test
    void userPages_readsValueAndNextLinkInEitherOrder() throws IOException {
        List<String> ids = new ArrayList<>();
        String next = UserPages.read(
                bytes(
                        """
                {"value": [{"id": "a"}, null, {"id": "b", "nested": {"x": [1, 2]}}],
                 "@odata.count": 3, "@odata.nextLink": "https://graph.example/next"}"""),
                node -> ids.add(node.get("id").asText()));

        assertThat(ids).containsExactly("a", "b");
        assertThat(next).isEqualTo("https://graph.example/next");
        assertThat(UserPages.read(bytes("{\"value\": []}"), node -> {})).isNull();
    }

    @Test
    void userPages_notAPage_ioException() {
        assertThatThrownBy(() -> UserPages.read(bytes("[]"), node -> {})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> UserPages.read(bytes("{\"items\": []}"), node -> {}))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> UserPages.read(bytes("{\"value\": [{\"id\": "), node -> {}))
                .isInstanceOf(IOException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.GraphClient.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** proxyAddresses of users: read-only, and following mail as Graph documents it. */
class UserProxyAddressesTest {
    private CloudEmulator emulator;
    private GraphClient graph;

    @BeforeEach
    void start() {
        emulator = CloudEmulator.start(EmulatorSettings.defaults());
        graph = new GraphClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String create(String upn, Map<String, Object> extra) {
        Map<String, Object> user = new HashMap<>(GraphClient.user(upn, upn.substring(0, 3)));
        user.putAll(extra);
        Reply reply = graph.post("/users", user);
        assertThat(reply.status()).as("create %s: %s", upn, reply.body()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private List<String> proxyAddresses(String id) {
        return texts(
                graph.get("/users/" + id + "?$select=proxyAddresses").body().get("proxyAddresses"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    @Test
    void createWithMail_holdsItAsPrimarySmtpAddress_withoutMail_none() {
        String ada = create(
                "ada@contoso.example",
                Map.of("mail", "ada@contoso.example", "otherMails", List.of("ada@home.example")));
        String bob = create("bob@contoso.example", Map.of());

        assertThat(proxyAddresses(ada)).containsExactly("SMTP:ada@contoso.example");
        assertThat(proxyAddresses(bob)).isEmpty();
        JsonNode listed = graph.get("/users?$select=userPrincipalName,mail,proxyAddresses,otherMails")
                .body()
                .get("value")
                .get(0);
        assertThat(texts(listed.get("proxyAddresses"))).containsExactly("SMTP:ada@contoso.example");
        assertThat(texts(listed.get("otherMails"))).containsExactly("ada@home.example");
    }

    @Test
    void patchMail_newMailBecomesPrimary_previousStaysSecondary_clearingKeepsThem() {
        String ada = create("ada@contoso.example", Map.of("mail", "ada@contoso.example"));

        assertThat(graph.patch("/users/" + ada, Map.of("mail", "ada.lovelace@contoso.example"))
                        .status())
                .isEqualTo(204);
        assertThat(proxyAddresses(ada))
                .containsExactly("SMTP:ada.lovelace@contoso.example", "smtp:ada@contoso.example");

        assertThat(graph.patch("/users/" + ada, Map.of("mail", "ADA@contoso.example"))
                        .status())
                .isEqualTo(204);
        assertThat(proxyAddresses(ada))
                .as("an address is held once")
                .containsExactly("SMTP:ADA@contoso.example", "smtp:ada.lovelace@contoso.example");

        Map<String, Object> clear = new HashMap<>();
        clear.put("mail", null);
        graph.patch("/users/" + ada, clear);
        assertThat(proxyAddresses(ada))
                .containsExactly("SMTP:ADA@contoso.example", "smtp:ada.lovelace@contoso.example");
    }

    @Test
    void writingProxyAddresses_answers400ReadOnly() {
        Map<String, Object> user = new HashMap<>(GraphClient.user("ada@contoso.example", "AAAA"));
        user.put("proxyAddresses", List.of("SMTP:ada@contoso.example"));

        Reply created = graph.post("/users", user);
        String bob = create("bob@contoso.example", Map.of());
        Reply patched = graph.patch("/users/" + bob, Map.of("proxyAddresses", List.of("smtp:b@contoso.example")));

        for (Reply reply : List.of(created, patched)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorMessage()).isEqualTo("Property 'proxyAddresses' is read-only and cannot be set.");
        }
        assertThat(emulator.users()).hasSize(1);
    }
}

package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.GraphClient.Reply;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GroupsAndContactsEndpointTest {
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

    @Test
    void seededGroup_listedWithItsAddresses() {
        String id = (String) emulator.addGroup(Map.of(
                        "displayName",
                        "Sales",
                        "mail",
                        "sales@contoso.example",
                        "proxyAddresses",
                        List.of("SMTP:sales@contoso.example", "smtp:team@contoso.example")))
                .get("id");

        Reply reply = graph.get("/groups?$select=id,displayName,mail,proxyAddresses");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("@odata.context").asText())
                .isEqualTo(emulator.graphUrl() + "/$metadata#groups(id,displayName,mail,proxyAddresses)");
        JsonNode group = reply.body().get("value").get(0);
        assertThat(group.get("id").asText()).isEqualTo(id);
        assertThat(group.get("displayName").asText()).isEqualTo("Sales");
        assertThat(group.get("mail").asText()).isEqualTo("sales@contoso.example");
        assertThat(group.get("proxyAddresses"))
                .extracting(JsonNode::asText)
                .containsExactly("SMTP:sales@contoso.example", "smtp:team@contoso.example");
        assertThat(graph.get("/contacts").body().get("value"))
                .as("another collection")
                .isEmpty();
    }

    @Test
    void contactWithoutSelect_showsEveryProperty_unsetAsNullOrEmpty() {
        emulator.addContact(Map.of("displayName", "Partner"));

        JsonNode contact = graph.get("/contacts").body().get("value").get(0);

        assertThat(names(contact)).containsExactly("id", "displayName", "mail", "proxyAddresses");
        assertThat(contact.get("mail").isNull()).isTrue();
        assertThat(contact.get("proxyAddresses")).isEmpty();
    }

    @Test
    void paging_top2AcrossFiveContacts_followsNextLinks() {
        List<String> added = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            added.add((String) emulator.addContact(Map.of("mail", "c" + i + "@fabrikam.example"))
                    .get("id"));
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = "/contacts?$select=mail&$top=2";
        while (next != null) {
            Reply page = graph.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.body()
                    .get("value")
                    .forEach(contact -> seen.add(contact.get("id").asText()));
            pageSizes.add(page.body().get("value").size());
            next = page.body().has("@odata.nextLink")
                    ? page.body().get("@odata.nextLink").asText()
                    : null;
            if (next != null) {
                assertThat(next)
                        .startsWith(emulator.graphUrl() + "/contacts?")
                        .contains("$select=id%2Cmail", "$top=2", "$skiptoken=");
            }
        }

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(added);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "/groups?$select=members              | Could not find a property named 'members' on type 'microsoft.graph.group'",
                "/contacts?$select=userPrincipalName  | on type 'microsoft.graph.orgContact'",
                "/groups?$filter=mail eq 'a@b.example' | The query option '$filter' is not supported by the cloud emulator",
                "/contacts?$top=1000                  | Must be between 1 and 999"
            })
    void unsupportedQuery_answers400(String path, String message) {
        Reply reply = graph.get(path.replace(" ", "%20").replace("'", "%27"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /groups", "GET /groups/42", "PATCH /contacts/42", "DELETE /contacts/42"})
    void writesAndItems_answer405(String call) {
        String method = call.substring(0, call.indexOf(' '));
        String path = call.substring(call.indexOf(' ') + 1);

        Reply reply = GraphClient.send(graph.authorized(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"displayName\": \"x\"}")));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorMessage()).contains("serves only GET /" + path.split("/")[1]);
        assertThat(emulator.groups()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "members        | x                | Property 'members' does not exist",
                "mail           | not-an-address   | Invalid value specified for property 'mail' of resource 'Group'",
                "id             | 42               | Property 'id' is read-only"
            })
    void addGroup_invalidProperty_refused(String property, String value, String message) {
        assertThatThrownBy(() -> emulator.addGroup(Map.of(property, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
        assertThat(emulator.groups()).isEmpty();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.GraphClient.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsersEndpointTest {
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
    void create_returns201WithNewIdAndNoPassword() {
        Reply reply = graph.post("/users", GraphClient.user("ada@contoso.example", "AAECAw=="));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body().get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(reply.body().get("userPrincipalName").asText()).isEqualTo("ada@contoso.example");
        assertThat(reply.body().get("onPremisesImmutableId").asText()).isEqualTo("AAECAw==");
        assertThat(reply.body().has("passwordProfile")).isFalse();
        assertThat(reply.raw().body()).doesNotContain("Secret-Passw0rd!");
        assertThat(emulator.users()).singleElement().satisfies(user -> assertThat(user)
                .doesNotContainKey("passwordProfile"));
    }

    @Test
    void createGetPatchList_roundTrip() {
        String id =
                graph.createUser("ada@contoso.example", "AAECAw==").get("id").asText();

        Reply got = graph.get("/users/" + id + "?$select=displayName,accountEnabled,onPremisesImmutableId");
        assertThat(got.status()).isEqualTo(200);
        assertThat(names(got.body())).containsExactly("id", "displayName", "accountEnabled", "onPremisesImmutableId");
        assertThat(got.body().get("accountEnabled").asBoolean()).isTrue();

        Reply patched = graph.patch(
                "/users/" + id,
                Map.of(
                        "displayName",
                        "Ada Lovelace",
                        "usageLocation",
                        "GB",
                        "otherMails",
                        List.of("ada@home.example")));
        assertThat(patched.status()).isEqualTo(204);
        assertThat(patched.body()).isNull();

        Reply listed = graph.get("/users?$select=id,displayName,usageLocation,otherMails,mail");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode user = listed.body().get("value").get(0);
        assertThat(names(user)).containsExactly("id", "displayName", "usageLocation", "otherMails", "mail");
        assertThat(user.get("id").asText()).isEqualTo(id);
        assertThat(user.get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(user.get("usageLocation").asText()).isEqualTo("GB");
        assertThat(user.get("otherMails").get(0).asText()).isEqualTo("ada@home.example");
        assertThat(user.get("mail").isNull()).isTrue();
        assertThat(listed.body().has("@odata.nextLink")).isFalse();
    }

    @Test
    void patchWithNull_clearsOptionalProperty() {
        String id =
                graph.createUser("ada@contoso.example", "AAECAw==").get("id").asText();
        graph.patch("/users/" + id, Map.of("givenName", "Ada"));

        Map<String, Object> clear = new HashMap<>();
        clear.put("givenName", null);
        assertThat(graph.patch("/users/" + id, clear).status()).isEqualTo(204);

        assertThat(emulator.users().get(0)).doesNotContainKey("givenName");
        assertThat(graph.get("/users/" + id + "?$select=givenName")
                        .body()
                        .get("givenName")
                        .isNull())
                .isTrue();
    }

    @Test
    void listWithoutSelect_returnsGraphDefaultPropertiesOnly() {
        graph.createUser("ada@contoso.example", "AAECAw==");

        JsonNode user = graph.get("/users").body().get("value").get(0);

        assertThat(names(user))
                .containsExactly("id", "displayName", "givenName", "surname", "mail", "userPrincipalName");
    }

    @Test
    void paging_top2AcrossFiveUsers_followsNextLinks() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(graph.createUser("user" + i + "@contoso.example", "anchor" + i)
                    .get("id")
                    .asText());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = "/users?$select=userPrincipalName&$top=2";
        while (next != null) {
            Reply page = graph.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("value").forEach(user -> seen.add(user.get("id").asText()));
            pageSizes.add(page.body().get("value").size());
            next = page.body().has("@odata.nextLink")
                    ? page.body().get("@odata.nextLink").asText()
                    : null;
            if (next != null) {
                assertThat(next)
                        .startsWith(emulator.graphUrl() + "/users?")
                        .contains("$select=id%2CuserPrincipalName", "$top=2", "$skiptoken=");
            }
        }

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void paging_serverPageSizeCapsTop() {
        emulator.close();
        emulator = CloudEmulator.start(EmulatorSettings.builder().pageSize(3).build());
        graph = new GraphClient(emulator);
        for (int i = 1; i <= 4; i++) {
            graph.createUser("user" + i + "@contoso.example", "anchor" + i);
        }

        Reply first = graph.get("/users?$top=999");

        assertThat(first.body().get("value")).hasSize(3);
        assertThat(graph.get(first.body().get("@odata.nextLink").asText())
                        .body()
                        .get("value"))
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "onPremisesImmutableId eq 'anchor/2+=='       | user2@contoso.example",
                "userPrincipalName eq 'user3@contoso.example' | user3@contoso.example",
                "userPrincipalName eq 'USER3@Contoso.Example' | user3@contoso.example",
                "userprincipalname eq 'o''hara@contoso.example' | o'hara@contoso.example",
                "mail eq 'Mail2@Other.Example'                 | user2@contoso.example"
            })
    void filterEq_findsOneUser(String filter, String expectedUpn) {
        graph.createUser("user1@contoso.example", "anchor/1+==");
        graph.createUser("user2@contoso.example", "anchor/2+==");
        graph.patch("/users/user2@contoso.example", Map.of("mail", "mail2@other.example"));
        graph.createUser("user3@contoso.example", "anchor/3+==");
        graph.createUser("o'hara@contoso.example", "anchor/4+==");

        Reply reply = graph.get("/users?$select=userPrincipalName&$filter=" + GraphClient.encode(filter));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("value")).singleElement().satisfies(user -> assertThat(
                        user.get("userPrincipalName").asText())
                .isEqualTo(expectedUpn));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"onPremisesImmutableId eq 'ANCHOR/1+=='", "userPrincipalName eq 'nobody@contoso.example'"})
    void filterEq_noMatch_returnsEmptyPage(String filter) {
        graph.createUser("user1@contoso.example", "anchor/1+==");

        Reply reply = graph.get("/users?$filter=" + GraphClient.encode(filter));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("value")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "$filter=displayName eq 'x'            | Request_UnsupportedQuery",
                "$filter=startswith(mail,'a')          | Request_BadRequest",
                "$select=jobTitle                      | BadRequest",
                "$top=0                                | Request_BadRequest",
                "$top=1000                             | Request_BadRequest",
                "$orderby=displayName                  | Request_UnsupportedQuery",
                "$skiptoken=bm90LWEtdG9rZW4            | Request_BadRequest"
            })
    void unsupportedQuery_answers400(String query, String code) {
        String[] option = query.split("=", 2);
        Reply reply = graph.get("/users?" + option[0] + "=" + GraphClient.encode(option[1]));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({"userPrincipalName, ADA@Contoso.Example, AAAA", "onPremisesImmutableId, other@contoso.example, AAECAw=="
    })
    void createWithTakenUniqueValue_answersConflict(String property, String upn, String anchor) {
        graph.createUser("ada@contoso.example", "AAECAw==");

        Reply reply = graph.post("/users", GraphClient.user(upn, anchor));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(reply.errorMessage())
                .isEqualTo("Another object with the same value for property " + property + " already exists.");
        assertThat(reply.body().at("/error/details/0/code").asText()).isEqualTo("ObjectConflict");
        assertThat(reply.body().at("/error/details/0/target").asText()).isEqualTo(property);
        assertThat(reply.body().at("/error/innerError/request-id").asText()).isNotBlank();
        assertThat(emulator.users()).hasSize(1);
    }

    @Test
    void patchToAnotherUsersUpn_answersConflict_butOwnUpnInOtherCaseIsFine() {
        graph.createUser("ada@contoso.example", "AAAA");
        String id = graph.createUser("bob@contoso.example", "BBBB").get("id").asText();

        Reply taken = graph.patch("/users/" + id, Map.of("userPrincipalName", "Ada@contoso.example"));
        Reply own = graph.patch("/users/" + id, Map.of("userPrincipalName", "Bob@Contoso.example"));

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.errorMessage()).contains("userPrincipalName already exists");
        assertThat(own.status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST  | jobTitle                 | {\"jobTitle\": \"Engineer\"}",
                "POST  | onPremisesSamAccountName | {\"onPremisesSamAccountName\": \"ada\"}",
                "PATCH | jobTitle                 | {\"jobTitle\": \"Engineer\"}",
                "PATCH | passwordProfile.hint     | {\"passwordProfile\": {\"password\": \"x\", \"hint\": \"y\"}}"
            })
    void unknownProperty_answers400NamingIt(String method, String property, String extra) throws Exception {
        Map<String, Object> body = new HashMap<>();
        if (method.equals("POST")) {
            body.putAll(GraphClient.user("ada@contoso.example", "AAAA"));
        }
        GraphClient.JSON.readTree(extra).fields().forEachRemaining(field -> body.put(field.getKey(), field.getValue()));
        String path = method.equals("POST")
                ? "/users"
                : "/users/"
                        + graph.createUser("bob@contoso.example", "BBBB")
                                .get("id")
                                .asText();

        Reply reply = method.equals("POST") ? graph.post(path, body) : graph.patch(path, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(reply.errorMessage()).contains("'" + property + "'");
        assertThat(reply.body().at("/error/details/0/target").asText()).isEqualTo(property);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile"})
    void createWithoutRequiredProperty_answers400(String property) {
        Map<String, Object> body = new HashMap<>(GraphClient.user("ada@contoso.example", "AAAA"));
        body.remove(property);

        Reply reply = graph.post("/users", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage())
                .startsWith("Property value is required")
                .contains(property);
        assertThat(emulator.users()).isEmpty();
    }

    @Test
    void malformedJson_answers400WithLocation() {
        Reply reply = graph.post("/users", "{\"displayName\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BadRequest");
        assertThat(reply.errorMessage()).contains("line 1");
    }

    @Test
    void delete_thenGetPatchDelete_answer404() {
        String id = graph.createUser("ada@contoso.example", "AAAA").get("id").asText();

        assertThat(graph.delete("/users/" + id).status()).isEqualTo(204);

        for (Reply reply : List.of(
                graph.get("/users/" + id),
                graph.patch("/users/" + id, Map.of("surname", "X")),
                graph.delete("/users/" + id))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("Request_ResourceNotFound");
            assertThat(reply.errorMessage()).contains(id);
        }
        assertThat(emulator.users()).isEmpty();
    }

    @Test
    void itemPath_acceptsUserPrincipalName() {
        String id = graph.createUser("ada@contoso.example", "AAAA").get("id").asText();

        Reply reply = graph.get("/users/ADA%40contoso.example?$select=id");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("id").asText()).isEqualTo(id);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.remove("@odata.context");
        return names;
    }
}

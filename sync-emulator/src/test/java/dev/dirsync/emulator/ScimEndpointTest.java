package dev.dirsync.emulator;

import static dev.dirsync.emulator.ScimClient.MAIL_USER;
import static dev.dirsync.emulator.ScimClient.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.ScimClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCIM 2.0 stand-in under /scim/v2: resources, filters, paging, PATCH, errors. */
class ScimEndpointTest {
    private static final String TOKEN = "scim-test-token";
    private CloudEmulator emulator;
    private ScimClient scim;

    @BeforeEach
    void start() {
        emulator = CloudEmulator.start(
                EmulatorSettings.builder().scimToken(TOKEN).pageSize(2).build());
        scim = new ScimClient(emulator, TOKEN);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static String filter(String expression) {
        return "/Users?filter="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(user -> ids.add(user.get("id").asText()));
        return ids;
    }

    @Test
    void serviceProviderConfig_advertisesPatchBulkFilterAndIndexPaging() {
        Reply reply = scim.get("/ServiceProviderConfig");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/scim+json");
        JsonNode config = reply.body();
        assertThat(config.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("maxOperations").asInt()).isEqualTo(50);
        assertThat(config.path("bulk").path("maxPayloadSize").asLong()).isEqualTo(1_048_576);
        assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(2);
        assertThat(config.path("pagination").path("cursor").asBoolean()).isFalse();
        assertThat(config.path("authenticationSchemes").get(0).path("type").asText())
                .isEqualTo("oauthbearertoken");
    }

    @Test
    void missingOrWrongToken_401WithAScimErrorBody() {
        Reply none = new ScimClient(emulator, null).get("/Users");
        Reply wrong = new ScimClient(emulator, "not-the-token").get("/Users");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.body().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(none.body().get("status").asText()).isEqualTo("401");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.detail()).isEqualTo("The bearer token is not valid.");
        assertThat(wrong.raw().body()).doesNotContain(TOKEN);
    }

    @Test
    void create_201WithLocationIdAndMeta_andTheStoredUserIsCanonical() {
        Reply reply = scim.post("/Users", ScimClient.user("ada@contoso.example", "QURB"));

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.body().get("id").asText();
        assertThat(reply.header("Location")).isEqualTo(emulator.scimUrl() + "/Users/" + id);
        assertThat(reply.body().path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(reply.body().path("meta").path("location").asText()).isEqualTo(reply.header("Location"));
        assertThat(reply.body().get("schemas")).extracting(JsonNode::asText).containsExactly(USER, MAIL_USER);
        assertThat(reply.body().path(MAIL_USER).path("proxyAddresses").get(0).asText())
                .isEqualTo("smtp:y@partner.example");
        assertThat(emulator.scimUsers())
                .singleElement()
                .satisfies(user -> assertThat(user).containsEntry("id", id).containsEntry("externalId", "QURB"));
        assertThat(emulator.users()).as("the Graph store is another store").isEmpty();
    }

    @Test
    void create_userNameTakenIgnoringCase_409Uniqueness() {
        scim.create("ada@contoso.example", "QURB");

        Reply reply = scim.post("/Users", ScimClient.user("ADA@contoso.example", "QkJC"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.scimType()).isEqualTo("uniqueness");
        assertThat(reply.body().get("status").asText()).isEqualTo("409");
        assertThat(emulator.scimUsers()).hasSize(1);
    }

    @Test
    void create_invalidBodies_400WithScimTypes() {
        Reply unknown = scim.post("/Users", "{\"schemas\": [\"" + USER + "\"], \"userName\": \"a\", \"shoeSize\": 9}");
        Reply noUserName = scim.post("/Users", "{\"schemas\": [\"" + USER + "\"], \"displayName\": \"A\"}");
        Reply unlisted = scim.post(
                "/Users",
                "{\"schemas\": [\"" + USER + "\"], \"userName\": \"a\", \"" + MAIL_USER
                        + "\": {\"mailNickname\": \"a\"}}");
        Reply wrongType =
                scim.post("/Users", "{\"schemas\": [\"" + USER + "\"], \"userName\": \"a\", \"active\": \"yes\"}");
        Reply malformed = scim.post("/Users", "{\"schemas\": [");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.scimType()).isEqualTo("invalidSyntax");
        assertThat(unknown.detail()).contains("shoeSize");
        assertThat(noUserName.scimType()).isEqualTo("invalidValue");
        assertThat(unlisted.scimType()).isEqualTo("invalidSyntax");
        assertThat(wrongType.scimType()).isEqualTo("invalidValue");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.scimType()).isEqualTo("invalidSyntax");
        assertThat(emulator.scimUsers()).isEmpty();
    }

    @Test
    void getPutDelete_roundTrip_andAGoneUserIs404() {
        String id = scim.create("ada@contoso.example", "QURB");

        Reply put = scim.put(
                "/Users/" + id,
                "{\"schemas\": [\"" + USER + "\"], \"userName\": \"ada@contoso.example\", "
                        + "\"externalId\": \"QURB\", \"active\": false}");
        assertThat(put.status()).isEqualTo(200);
        Reply got = scim.get("/Users/" + id);
        assertThat(got.body().get("active").asBoolean()).isFalse();
        assertThat(got.body().has("emails"))
                .as("PUT replaces the whole resource")
                .isFalse();
        assertThat(got.body().has(MAIL_USER)).isFalse();

        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
        Reply again = scim.delete("/Users/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body().get("status").asText()).isEqualTo("404");
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
    }

    @Test
    void filter_externalIdExactly_userNameIgnoringCase_escapesUnderstood() {
        String ada = scim.create("ada@contoso.example", "QURB");
        String odd = scim.create("odd@contoso.example", "a\"b\\c");
        scim.create("bob@contoso.example", "qurb");

        assertThat(ids(scim.get(filter("externalId eq \"QURB\"")).body())).containsExactly(ada);
        assertThat(ids(scim.get(filter("externalId eq \"a\\\"b\\\\c\"")).body()))
                .containsExactly(odd);
        assertThat(ids(scim.get(filter("userName EQ \"ADA@contoso.example\"")).body()))
                .containsExactly(ada);
        assertThat(scim.get(filter("externalId eq \"nobody\""))
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();

        Reply unsupported = scim.get(filter("displayName co \"A\""));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.scimType()).isEqualTo("invalidFilter");
    }

    @Test
    void list_indexPaging_startIndexAndCount_cappedAtThePageSize() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(scim.create("user" + i + "@contoso.example", "QQ" + i));
        }

        JsonNode first = scim.get("/Users").body();
        JsonNode second = scim.get("/Users?startIndex=3&count=2").body();
        JsonNode last = scim.get("/Users?startIndex=5&count=10").body();
        JsonNode beyond = scim.get("/Users?startIndex=9").body();

        assertThat(first.get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(first.get("totalResults").asInt()).isEqualTo(5);
        assertThat(first.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(second.get("startIndex").asInt()).isEqualTo(3);
        assertThat(ids(last)).containsExactly(created.get(4));
        assertThat(beyond.get("Resources")).isEmpty();
        assertThat(scim.get("/Users?count=two").scimType()).isEqualTo("invalidValue");
    }

    @Test
    void patch_replaceAddRemove_onAttributesSubAttributesAndTheExtension() {
        String id = scim.create("ada@contoso.example", "QURB");

        Reply reply = scim.patch(
                "/Users/" + id,
                """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                     {"op": "Replace", "path": "displayName", "value": "Ada L."},
                     {"op": "remove", "path": "name.familyName"},
                     {"op": "replace", "path": "active", "value": false},
                     {"op": "replace", "path": "%1$s:mailNickname", "value": "ada2"},
                     {"op": "add", "path": "%1$s:usageLocation", "value": "GB"},
                     {"op": "remove", "path": "%1$s:proxyAddresses"},
                     {"op": "add", "path": "emails", "value": [{"value": "z@partner.example", "type": "other"}]}]}"""
                        .formatted(MAIL_USER));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode user = scim.get("/Users/" + id).body();
        assertThat(user.get("displayName").asText()).isEqualTo("Ada L.");
        assertThat(user.path("name").has("familyName")).isFalse();
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Given");
        assertThat(user.get("active").asBoolean()).isFalse();
        assertThat(user.path(MAIL_USER).path("mailNickname").asText()).isEqualTo("ada2");
        assertThat(user.path(MAIL_USER).path("usageLocation").asText()).isEqualTo("GB");
        assertThat(user.path(MAIL_USER).has("proxyAddresses")).isFalse();
        assertThat(user.get("emails")).hasSize(2);
        assertThat(user.path("meta").path("created").asText()).isNotEmpty();
    }

    @Test
    void patch_withoutPath_replaceMergesTheObject_andRemovingTheLastExtensionValueDropsItsSchema() {
        String id = scim.create("ada@contoso.example", "QURB");

        scim.patch(
                "/Users/" + id,
                """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"displayName": "Ada", "%1$s": {"mailNickname": "a"}}},
                                {"op": "remove", "path": "%1$s"}]}"""
                        .formatted(MAIL_USER));

        JsonNode user = scim.get("/Users/" + id).body();
        assertThat(user.get("displayName").asText()).isEqualTo("Ada");
        assertThat(user.has(MAIL_USER)).isFalse();
        assertThat(user.get("schemas")).extracting(JsonNode::asText).containsExactly(USER);
    }

    @Test
    void patch_refusals_filterPathsReadOnlyAndUniqueness() {
        String id = scim.create("ada@contoso.example", "QURB");
        scim.create("bob@contoso.example", "Qk9C");
        String op = "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [%s]}";

        Reply filtered = scim.patch(
                "/Users/" + id,
                op.formatted(
                        "{\"op\": \"replace\", \"path\": \"emails[type eq \\\"work\\\"].value\", \"value\": \"x\"}"));
        Reply readOnly =
                scim.patch("/Users/" + id, op.formatted("{\"op\": \"replace\", \"path\": \"id\", \"value\": \"x\"}"));
        Reply taken = scim.patch(
                "/Users/" + id,
                op.formatted("{\"op\": \"replace\", \"path\": \"userName\", \"value\": \"BOB@contoso.example\"}"));
        Reply noPath = scim.patch("/Users/" + id, op.formatted("{\"op\": \"remove\"}"));
        Reply notPatchOp = scim.patch("/Users/" + id, "{\"Operations\": []}");
        Reply missing = scim.patch("/Users/nobody", op.formatted("{\"op\": \"remove\", \"path\": \"title\"}"));

        assertThat(filtered.scimType()).isEqualTo("invalidPath");
        assertThat(readOnly.scimType()).isEqualTo("mutability");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.scimType()).isEqualTo("uniqueness");
        assertThat(noPath.scimType()).isEqualTo("noTarget");
        assertThat(notPatchOp.scimType()).isEqualTo("invalidSyntax");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(scim.get("/Users/" + id).body().get("userName").asText()).isEqualTo("ada@contoso.example");
    }

    @Test
    void unknownPathsAndMethods_scimErrors() {
        assertThat(scim.get("/Groups").status()).isEqualTo(404);
        assertThat(scim.delete("/Users").status()).isEqualTo(405);
        assertThat(scim.get("/Bulk").status()).isEqualTo(405);
        Reply wrongType = ScimClient.send(scim.request("/Users")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("userName=a")));
        assertThat(wrongType.status()).isEqualTo(415);
    }

    @Test
    void graphUsers_areNotScimUsers() {
        GraphClient graph = new GraphClient(emulator);
        graph.createUser("ada@contoso.example", "QURB");

        assertThat(scim.get("/Users").body().get("totalResults").asInt()).isZero();
        assertThat(emulator.scimUsers()).isEmpty();
        assertThat(emulator.users()).hasSize(1);
    }
}

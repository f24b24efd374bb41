package dev.dirsync.emulator;

import static dev.dirsync.emulator.ScimClient.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.ScimClient.Reply;
import dev.dirsync.emulator.scim.ScimService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /scim/v2/Bulk: per-operation results, limits, failOnErrors. */
class ScimBulkEndpointTest {
    private static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    private CloudEmulator emulator;
    private ScimClient scim;

    @BeforeEach
    void start() {
        emulator = CloudEmulator.start(EmulatorSettings.defaults());
        scim = new ScimClient(emulator, EmulatorSettings.DEFAULT_SCIM_TOKEN);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static String bulk(String extra, String... operations) {
        return "{\"schemas\": [\"" + BULK_REQUEST + "\"]" + extra + ", \"Operations\": [" + String.join(",", operations)
                + "]}";
    }

    private static String create(String bulkId, String userName) {
        return "{\"method\": \"POST\", \"path\": \"/Users\", \"bulkId\": \"" + bulkId + "\", \"data\": "
                + ScimClient.user(userName, "ext-" + userName) + "}";
    }

    @Test
    void mixedOperations_eachAnsweredWithBulkIdStatusAndLocation() {
        String existing = scim.create("ada@contoso.example", "QURB");
        String gone = scim.create("gone@contoso.example", "R09ORQ==");

        Reply reply = scim.post(
                "/Bulk",
                bulk(
                        "",
                        create("c1", "bob@contoso.example"),
                        "{\"method\": \"PATCH\", \"path\": \"/Users/" + existing + "\", \"bulkId\": \"p1\", \"data\": "
                                + "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], "
                                + "\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]}}",
                        "{\"method\": \"DELETE\", \"path\": \"/Users/" + gone + "\", \"bulkId\": \"d1\"}",
                        create("c2", "ADA@contoso.example"),
                        "{\"method\": \"DELETE\", \"path\": \"/Users/nobody\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        JsonNode results = reply.body().get("Operations");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).get("bulkId").asText()).isEqualTo("c1");
        assertThat(results.get(0).get("status").asText()).isEqualTo("201");
        assertThat(results.get(0).get("location").asText()).startsWith(emulator.scimUrl() + "/Users/");
        assertThat(results.get(1).get("status").asText()).isEqualTo("200");
        assertThat(results.get(2).get("status").asText()).isEqualTo("204");
        assertThat(results.get(3).get("status").asText()).isEqualTo("409");
        assertThat(results.get(3).path("response").path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(results.get(4).get("status").asText()).isEqualTo("404");
        assertThat(results.get(4).has("bulkId")).isFalse();
        List<Object> userNames = new ArrayList<>();
        emulator.scimUsers().forEach(user -> userNames.add(user.get("userName")));
        assertThat(userNames).containsExactly("ada@contoso.example", "bob@contoso.example");
        assertThat(scim.get("/Users/" + existing).body().get("active").asBoolean())
                .isFalse();
    }

    @Test
    void failOnErrors_stopsAfterThatManyFailures() {
        scim.create("ada@contoso.example", "QURB");

        Reply reply = scim.post(
                "/Bulk",
                bulk(
                        ", \"failOnErrors\": 1",
                        create("c1", "ada@contoso.example"),
                        create("c2", "bob@contoso.example")));

        assertThat(reply.body().get("Operations")).hasSize(1);
        assertThat(emulator.scimUsers()).hasSize(1);
    }

    @Test
    void tooManyOperations_413AndNothingApplied() {
        String[] operations = new String[ScimService.MAX_OPERATIONS + 1];
        for (int i = 0; i < operations.length; i++) {
            operations[i] = create("c" + i, "user" + i + "@contoso.example");
        }

        Reply reply = scim.post("/Bulk", bulk("", operations));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.detail()).contains("maxOperations (50)");
        assertThat(emulator.scimUsers()).isEmpty();
    }

    @Test
    void tooLarge_413() {
        String padding = "x".repeat(ScimService.MAX_PAYLOAD_BYTES);
        String operation = "{\"method\": \"POST\", \"path\": \"/Users\", \"bulkId\": \"c1\", \"data\": "
                + "{\"schemas\": [\"" + USER + "\"], \"userName\": \"a\", \"displayName\": \"" + padding + "\"}}";

        Reply reply = scim.post("/Bulk", bulk("", operation));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.detail()).contains("maxPayloadSize (1048576)");
    }

    @Test
    void postWithoutBulkId_andNotABulkRequest_refused() {
        Reply noBulkId = scim.post(
                "/Bulk",
                bulk(
                        "",
                        "{\"method\": \"POST\", \"path\": \"/Users\", \"data\": "
                                + ScimClient.user("a@contoso.example", "QQ==") + "}"));
        Reply notBulk = scim.post("/Bulk", "{\"Operations\": []}");

        assertThat(noBulkId.body().get("Operations").get(0).get("status").asText())
                .isEqualTo("400");
        assertThat(notBulk.status()).isEqualTo(400);
        assertThat(notBulk.scimType()).isEqualTo("invalidSyntax");
        assertThat(emulator.scimUsers()).isEmpty();
    }
}

package dev.dirsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.emulator.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserSchemaTest {
    private static final String VALID =
            "{\"accountEnabled\": true, \"displayName\": \"Ada\", \"mailNickname\": \"ada\","
                    + " \"userPrincipalName\": \"ada@contoso.example\", \"passwordProfile\": {\"password\": \"pw\"}}";

    @Test
    void forCreate_keepsPropertiesDropsPassword() throws IOException {
        Map<String, Object> values =
                UserSchema.forCreate(json(VALID.replace("}}", "}, \"otherMails\": [\"a@b.example\"]}")));

        assertThat(values)
                .containsOnlyKeys("accountEnabled", "displayName", "mailNickname", "userPrincipalName", "otherMails");
        assertThat(values.get("otherMails")).isEqualTo(List.of("a@b.example"));
    }

    /**
     * | property          | bad value        | why                      |
     * |-------------------|------------------|--------------------------|
     * | accountEnabled    | "true"           | string, not boolean      |
     * | displayName       | ""               | empty (clear with null)  |
     * | userPrincipalName | no-at-sign       | not user@domain          |
     * | mailNickname      | "a b"            | space not allowed        |
     * | usageLocation     | "gbr"            | not ISO 3166 alpha-2     |
     * | otherMails        | "a@b.example"    | not an array             |
     * | givenName         | 65 characters    | longer than Graph allows |
     */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "accountEnabled    | '\"true\"'",
                "displayName       | '\"\"'",
                "userPrincipalName | '\"no-at-sign\"'",
                "mailNickname      | '\"a b\"'",
                "usageLocation     | '\"gbr\"'",
                "otherMails        | '\"a@b.example\"'",
                "givenName         | '\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"'"
            })
    void invalidValue_refusedNamingProperty(String property, String value) {
        assertThatThrownBy(() -> UserSchema.forUpdate(json("{\"" + property + "\": " + value + "}")))
                .isInstanceOf(GraphError.class)
                .hasMessage("Invalid value specified for property '" + property + "' of resource 'User'.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\": \"x\"}                     | Property 'id' is read-only",
                "{\"displayName\": null}             | required but is empty or missing: 'displayName'",
                "{\"passwordProfile\": {}}           | 'passwordProfile.password'",
                "[]                                  | must be a JSON object"
            })
    void badPatch_refused(String body, String message) {
        assertThatThrownBy(() -> UserSchema.forUpdate(json(body)))
                .isInstanceOf(GraphError.class)
                .hasMessageContaining(message);
    }

    @Test
    void forUpdate_nullClearsOptionalProperty() throws IOException {
        assertThat(UserSchema.forUpdate(json("{\"surname\": null}"))).containsEntry("surname", null);
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}

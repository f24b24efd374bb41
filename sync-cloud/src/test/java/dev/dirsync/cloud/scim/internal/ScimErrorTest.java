package dev.dirsync.cloud.scim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.cloud.internal.HttpReply;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ScimErrorTest {
    private static final HttpUrl URL = HttpUrl.get("https://scim.example.com/v2/Users?filter=x");

    private static HttpReply reply(int status, String type, String body) {
        return new HttpReply(URL, status, type, null, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void of_scimErrorBody() {
        ScimError error = ScimError.of(
                reply(
                        409,
                        "application/scim+json",
                        """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "409",
                 "scimType": "uniqueness", "detail": "userName taken"}"""));

        assertThat(error.code()).isEqualTo("uniqueness");
        assertThat(error.detail()).isEqualTo("userName taken");
        assertThat(error.isUniquenessConflict()).isTrue();
        assertThat(error.summary())
                .isEqualTo(
                        "HTTP 409 from https://scim.example.com/v2/Users (application/scim+json): uniqueness: userName taken");
    }

    @Test
    void of_conflictWithoutScimType_isAUniquenessConflict_butOtherStatusesWithoutTheKeywordAreNot() {
        assertThat(ScimError.of(reply(409, "application/json", "{\"detail\": \"exists\"}"))
                        .isUniquenessConflict())
                .isTrue();
        assertThat(ScimError.of(reply(400, "application/json", "{\"scimType\": \"invalidValue\", \"detail\": \"x\"}"))
                        .isUniquenessConflict())
                .isFalse();
        assertThat(ScimError.of(reply(400, "application/json", "{\"scimType\": \"uniqueness\", \"detail\": \"x\"}"))
                        .isUniquenessConflict())
                .isTrue();
    }

    @Test
    void of_foreignBodies_describedNotParsed() {
        assertThat(ScimError.of(reply(502, "text/html", "<html>Bad gateway</html>"))
                        .detail())
                .isEqualTo("HTTP 502 from https://scim.example.com/v2/Users (text/html), not a SCIM error body");
        assertThat(ScimError.of(reply(400, "application/scim+json", "{\"detail\": "))
                        .code())
                .isEqualTo("HTTP_400");
        assertThat(ScimError.of(reply(400, "application/json", "[1, 2]")).fromScim())
                .isFalse();
    }
}

package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One answer: status, extra headers and the body ({@code null} for none).
 *
 * @param location the resource's URL for a Location header, or null
 */
public record ScimReply(int status, String location, JsonNode body) {

    public static ScimReply of(int status, JsonNode body) {
        return new ScimReply(status, null, body);
    }

    public static ScimReply failure(ScimFailure failure) {
        return new ScimReply(failure.status(), null, failure.body());
    }

    public Map<String, String> headers() {
        return location == null ? Map.of() : Map.of("Location", location);
    }
}

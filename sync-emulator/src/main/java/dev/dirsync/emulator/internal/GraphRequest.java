package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Graph call, whether it came over HTTP or inside a {@code $batch}.
 *
 * @param method the HTTP method, upper case
 * @param path the path below {@code /v1.0}, decoded, e.g. {@code /users/42}
 * @param rawQuery the query string as sent (still encoded), or {@code null}
 * @param body the parsed JSON body, or {@code null} when there was none
 * @param ids the request ids echoed in headers and error bodies
 */
public record GraphRequest(String method, String path, String rawQuery, JsonNode body, RequestIds ids) {

    /** The path split on {@code /} without empty segments. */
    public String[] segments() {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    public boolean isWrite() {
        return method.equals("POST") || method.equals("PATCH") || method.equals("DELETE");
    }
}

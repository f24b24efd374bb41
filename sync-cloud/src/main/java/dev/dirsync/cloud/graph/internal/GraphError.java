package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.HttpReply;
import java.io.IOException;
import java.util.Locale;

/**
 * A failed reply in Graph's words, from its error body {@code {"error":{"code","message",
 * "details":[{"code","target"}]}}}. A body that is not Graph's (a proxy's HTML page, an empty
 * body) yields code {@code HTTP_<status>} and a message that says so, never a parser's exception.
 *
 * @param status the HTTP status
 * @param code Graph's error code, or {@code HTTP_<status>}
 * @param message Graph's message, or a description of the reply
 * @param fromGraph whether the body was a Graph error body
 * @param objectConflict whether a detail carried the code {@code ObjectConflict}
 * @param summary one line for logs and retryable results: status, URL and the error
 */
public record GraphError(int status, String code, String message, boolean fromGraph, boolean objectConflict, String summary) {

    public static GraphError of(HttpReply reply) {
        if (reply.isJson() && reply.body().length > 0) {
            try {
                JsonNode error = GraphJson.tree(reply.body()).path("error");
                if (error.isObject() && error.hasNonNull("code")) {
                    String code = error.get("code").asText();
                    String message = error.path("message").asText("");
                    boolean conflict = false;
                    for (JsonNode detail : error.path("details")) {
                        conflict |= "ObjectConflict".equals(detail.path("code").asText());
                    }
                    return new GraphError(reply.status(), code, message, true, conflict,
                            reply.describe() + ": " + code + ": " + message);
                }
            } catch (IOException e) {
                // Declared JSON but malformed: described below like any other foreign body.
            }
        }
        String described = reply.describe() + ", not a Graph error body";
        return new GraphError(reply.status(), "HTTP_" + reply.status(), described, false, false, described);
    }

    /**
     * Graph refuses a value another object already holds (userPrincipalName, mailNickname, proxy
     * addresses, onPremisesImmutableId) with 400 Request_BadRequest, saying "Another object with
     * the same value for property ... already exists" and, in newer answers, an ObjectConflict detail.
     */
    public boolean isUniquenessConflict() {
        if (status != 400 || !fromGraph) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return objectConflict
                || lower.contains("another object with the same value for property")
                || lower.contains("conflicting object with one or more of the specified property values");
    }
}

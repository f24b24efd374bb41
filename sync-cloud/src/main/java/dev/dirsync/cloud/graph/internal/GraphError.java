package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.HttpReply;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param target the property a detail names ({@code details[].target}, the ObjectConflict one
 *     first), or null
 * @param summary one line for logs and retryable results: status, URL and the error
 */
public record GraphError(
        int status,
        String code,
        String message,
        boolean fromGraph,
        boolean objectConflict,
        String target,
        String summary) {

    private static final Pattern PROPERTY = Pattern.compile("same value for property (\\w+)", Pattern.CASE_INSENSITIVE);

    public static GraphError of(HttpReply reply) {
        if (reply.isJson() && reply.body().length > 0) {
            try {
                JsonNode error = GraphJson.tree(reply.body()).path("error");
                if (error.isObject() && error.hasNonNull("code")) {
                    String code = error.get("code").asText();
                    String message = error.path("message").asText("");
                    boolean conflict = false;
                    String target = null;
                    for (JsonNode detail : error.path("details")) {
                        boolean isConflict =
                                "ObjectConflict".equals(detail.path("code").asText());
                        String named = detail.path("target").asText("");
                        if (!named.isBlank() && (target == null || (isConflict && !conflict))) {
                            target = named;
                        }
                        conflict |= isConflict;
                    }
                    return new GraphError(
                            reply.status(),
                            code,
                            message,
                            true,
                            conflict,
                            target,
                            reply.describe() + ": " + code + ": " + message);
                }
            } catch (IOException e) {
                // Declared JSON but malformed: described below like any other foreign body.
            }
        }
        String described = reply.describe() + ", not a Graph error body";
        return new GraphError(reply.status(), "HTTP_" + reply.status(), described, false, false, null, described);
    }

    /**
     * Graph refuses a value another object already holds (userPrincipalName, mailNickname, proxy
     * addresses, onPremisesImmutableId) with 400 Request_BadRequest (409 on some paths), saying
     * "Another object with the same value for property ... already exists" and, in newer answers,
     * with an ObjectConflict detail.
     */
    public boolean isUniquenessConflict() {
        if ((status != 400 && status != 409) || !fromGraph) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return objectConflict
                || lower.contains("another object with the same value for property")
                || lower.contains("conflicting object with one or more of the specified property values");
    }

    /** The property whose value is taken: the detail's target, else the one the message names. */
    public Optional<String> conflictProperty() {
        if (target != null) {
            return Optional.of(target);
        }
        Matcher named = PROPERTY.matcher(message);
        return named.find() ? Optional.of(named.group(1)) : Optional.empty();
    }
}

package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An answer to one {@link GraphRequest}.
 *
 * @param status the HTTP status
 * @param headers extra response headers (content type and request ids are added at the HTTP edge)
 * @param body the JSON body, or {@code null} for none (204)
 */
public record GraphResponse(int status, Map<String, String> headers, JsonNode body) {

    public GraphResponse {
        headers = Map.copyOf(headers);
    }

    public static GraphResponse json(int status, JsonNode body) {
        return new GraphResponse(status, Map.of(), body);
    }

    public static GraphResponse noContent() {
        return new GraphResponse(204, Map.of(), null);
    }

    public static GraphResponse error(GraphError error, RequestIds ids) {
        return json(error.status(), ErrorBodies.graph(error, ids));
    }

    public static GraphResponse throttled(long retryAfterSeconds, int writesPerSecond, RequestIds ids) {
        GraphError error = GraphError.of(
                429,
                "TooManyRequests",
                "Too many requests: the cloud emulator accepts " + writesPerSecond + " writes per second. Retry after "
                        + retryAfterSeconds + " second(s).");
        return new GraphResponse(
                429, Map.of("Retry-After", Long.toString(retryAfterSeconds)), ErrorBodies.graph(error, ids));
    }
}

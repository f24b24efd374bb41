package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /$batch} (JSON batching): up to 20 requests, answered in order, each through the
 * {@link GraphRouter} so every item is throttled, validated and counted like a plain request. The
 * items run one after another, which also satisfies any {@code dependsOn}.
 */
public final class BatchApi {
    public static final int MAX_REQUESTS = 20;

    private final GraphRouter router;

    public BatchApi(GraphRouter router) {
        this.router = router;
    }

    public GraphResponse handle(GraphRequest envelope) {
        if (!envelope.method().equals("POST")) {
            throw GraphError.of(405, "Request_BadRequest", "Only POST is allowed on '/$batch'.");
        }
        JsonNode requests = envelope.body() == null ? null : envelope.body().get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw GraphError.of(400, "BadRequest", "The batch body must have a non-empty 'requests' array.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphError.of(
                    400,
                    "BadRequest",
                    "The batch holds " + requests.size() + " requests; the limit is " + MAX_REQUESTS + ".");
        }
        Set<String> ids = new HashSet<>();
        ObjectNode body = Json.object();
        ArrayNode responses = body.putArray("responses");
        for (JsonNode item : requests) {
            String id = text(item, "id");
            if (!ids.add(id)) {
                throw GraphError.of(400, "BadRequest", "Batch request id '" + id + "' is used more than once.");
            }
            responses.add(answer(id, item, envelope.ids()));
        }
        return GraphResponse.json(200, body);
    }

    private ObjectNode answer(String id, JsonNode item, RequestIds ids) {
        String url = text(item, "url");
        if (url.contains("://")) {
            throw GraphError.of(400, "BadRequest", "Batch request '" + id + "' must use a relative url.");
        }
        int question = url.indexOf('?');
        String path = decodePath(id, "/" + (question < 0 ? url : url.substring(0, question)).replaceFirst("^/+", ""));
        String query = question < 0 ? null : url.substring(question + 1);
        JsonNode body = item.get("body");
        GraphRequest request = new GraphRequest(text(item, "method").toUpperCase(Locale.ROOT), path, query, body, ids);
        GraphResponse response = router.route(request);
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("status", response.status());
        ObjectNode headers = node.putObject("headers");
        response.headers().forEach(headers::put);
        if (response.body() != null) {
            headers.put("Content-Type", "application/json");
            node.set("body", response.body());
        }
        return node;
    }

    private static String decodePath(String id, String rawPath) {
        try {
            return URI.create(rawPath).getPath();
        } catch (IllegalArgumentException e) {
            throw GraphError.of(400, "BadRequest", "Batch request '" + id + "' has a malformed url: " + rawPath);
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw GraphError.of(400, "BadRequest", "Every batch request needs a string '" + field + "'.");
        }
        return value.asText();
    }
}

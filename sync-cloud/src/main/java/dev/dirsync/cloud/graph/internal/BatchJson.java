package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.cloud.internal.HttpReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The JSON batching format: a request {@code {"requests":[{"id","method","url","body","headers"}]}}
 * with relative URLs (a body always travels with its Content-Type header), and the answer {@code
 * {"responses":[{"id","status","headers","body"}]}}, in any order, each item turned into an
 * {@link HttpReply} as if it had been answered alone.
 */
public final class BatchJson {
    private BatchJson() {}

    /** The body of POST /$batch; {@code ids.get(i)} names {@code writes.get(i)}. */
    public static ObjectNode request(List<String> ids, List<WriteRequest> writes, GraphEndpoints endpoints) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        ArrayNode requests = envelope.putArray("requests");
        for (int i = 0; i < writes.size(); i++) {
            WriteRequest write = writes.get(i);
            ObjectNode item = requests.addObject();
            item.put("id", ids.get(i));
            item.put("method", write.method());
            item.put("url", endpoints.relative(write.url()));
            if (write.body() != null) {
                item.set("body", write.body());
                item.putObject("headers").put("Content-Type", "application/json");
            }
        }
        return envelope;
    }

    /**
     * The answers by id, each with the URL of its request ({@code urls}); answers to ids not asked
     * about are left out.
     *
     * @throws IOException when the reply is not a readable batch response
     */
    public static Map<String, HttpReply> responses(HttpReply envelope, Map<String, HttpUrl> urls) throws IOException {
        if (!envelope.isJson()) {
            throw new IOException("not JSON");
        }
        JsonNode responses = GraphJson.tree(envelope.body()).path("responses");
        if (!responses.isArray()) {
            throw new IOException("it has no \"responses\" array");
        }
        Map<String, HttpReply> answers = new HashMap<>();
        for (JsonNode response : responses) {
            String id = response.path("id").asText("");
            HttpUrl url = urls.get(id);
            int status = response.path("status").asInt(0);
            if (url == null || status < 100 || status > 599) {
                continue;
            }
            JsonNode headers = response.path("headers");
            JsonNode body = response.get("body");
            String contentType = header(headers, "Content-Type");
            byte[] bytes;
            if (body == null || body.isNull()) {
                bytes = new byte[0];
            } else if (body.isTextual()) {
                bytes = body.asText().getBytes(StandardCharsets.UTF_8);
            } else {
                bytes = GraphJson.MAPPER.writeValueAsBytes(body);
                contentType = contentType == null ? "application/json" : contentType;
            }
            answers.put(id, new HttpReply(url, status, contentType, header(headers, "Retry-After"), bytes));
        }
        return answers;
    }

    /** Header names are case-insensitive; values may come as JSON numbers. */
    private static String header(JsonNode headers, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = headers.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name) && !field.getValue().isNull()) {
                return field.getValue().asText();
            }
        }
        return null;
    }
}

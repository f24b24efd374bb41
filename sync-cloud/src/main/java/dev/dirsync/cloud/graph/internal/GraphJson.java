package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** The adapter's one ObjectMapper and JSON request bodies. */
public final class GraphJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    private GraphJson() {}

    public static RequestBody body(JsonNode node) {
        try {
            return RequestBody.create(MAPPER.writeValueAsBytes(node), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Parses a whole (small) body; Jackson's exception stays inside the caller's mapping. */
    public static JsonNode tree(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}

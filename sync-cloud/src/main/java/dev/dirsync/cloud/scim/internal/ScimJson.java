package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** The adapter's one ObjectMapper and its {@code application/scim+json} request bodies. */
public final class ScimJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final MediaType SCIM_JSON = MediaType.get("application/scim+json");

    private ScimJson() {}

    /** The compact serialisation: what is sent, and what bulk payload sizes are measured on. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static RequestBody body(JsonNode node) {
        return RequestBody.create(bytes(node), SCIM_JSON);
    }

    /** Parses a whole (small) body; Jackson's exception stays inside the caller's mapping. */
    public static JsonNode tree(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** A text member, or null when absent, null or not a scalar. */
    public static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}

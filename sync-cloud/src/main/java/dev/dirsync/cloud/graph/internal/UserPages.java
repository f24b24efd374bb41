package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one page of a Graph collection ({@code {"@odata.nextLink": ..., "value": [...]}}, in
 * either order) with the streaming parser: each element becomes a small tree passed on at once,
 * the page itself never does.
 */
public final class UserPages {
    private UserPages() {}

    /**
     * Passes each element of {@code value} to {@code each}.
     *
     * @return the next page's URL, or null on the last page
     * @throws IOException when the body is not a collection page
     */
    public static String read(byte[] page, Consumer<JsonNode> each) throws IOException {
        String nextLink = null;
        boolean sawValue = false;
        try (JsonParser parser = GraphJson.MAPPER.createParser(page)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a collection page is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals("@odata.nextLink") && token == JsonToken.VALUE_STRING) {
                    nextLink = parser.getText();
                } else if (name.equals("value") && token == JsonToken.START_ARRAY) {
                    sawValue = true;
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        if (item == null) {
                            throw new IOException("the page ends inside \"value\"");
                        }
                        if (item == JsonToken.START_OBJECT) {
                            JsonNode element = parser.readValueAsTree();
                            each.accept(element);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (!sawValue) {
            throw new IOException("the page has no \"value\" array");
        }
        return nextLink;
    }
}

package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One page of a SCIM ListResponse (RFC 7644 section 3.4.2), read with the streaming parser: each
 * element of {@code Resources} becomes a small tree passed on at once, the page itself never does.
 *
 * @param totalResults the total the service reports, or -1 when it reports none
 * @param resources how many elements {@code Resources} held
 * @param nextCursor RFC 9865's cursor for the next page, or null on the last page (or under index paging)
 */
public record ListPage(long totalResults, int resources, String nextCursor) {

    /**
     * Passes each element of {@code Resources} to {@code each}.
     *
     * @throws IOException when the body is not a ListResponse
     */
    public static ListPage read(byte[] body, Consumer<JsonNode> each) throws IOException {
        long total = -1;
        int count = 0;
        String nextCursor = null;
        boolean sawResources = false;
        try (JsonParser parser = ScimJson.MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a ListResponse is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals("totalResults") && token.isNumeric()) {
                    total = parser.getLongValue();
                } else if (name.equals("nextCursor") && token == JsonToken.VALUE_STRING) {
                    nextCursor = parser.getText().isEmpty() ? null : parser.getText();
                } else if (name.equalsIgnoreCase("Resources") && token == JsonToken.START_ARRAY) {
                    sawResources = true;
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        if (item == null) {
                            throw new IOException("the page ends inside \"Resources\"");
                        }
                        if (item == JsonToken.START_OBJECT) {
                            count++;
                            each.accept(parser.readValueAsTree());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("the ListResponse does not end where its object ends");
            }
        }
        // RFC 7644 makes Resources required only when there are results.
        if (!sawResources && total != 0) {
            throw new IOException("the page has no \"Resources\" array");
        }
        return new ListPage(total, count, nextCursor);
    }
}

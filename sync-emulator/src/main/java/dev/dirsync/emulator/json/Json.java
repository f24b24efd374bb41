package dev.dirsync.emulator.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one configured JSON mapper: strict on input (no duplicate keys, no trailing tokens). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The parser's complaint and where it occurred, e.g. {@code Unexpected character ... at line 3, column 5}. */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return e.getLocation() == null
                ? message
                : message + " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }
}

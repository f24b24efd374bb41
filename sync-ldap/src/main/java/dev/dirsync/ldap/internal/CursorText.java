package dev.dirsync.ldap.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of a cursor value: {@code key=value} pairs separated by {@code ;}, each value
 * URL-encoded (UTF-8), e.g. {@code v=1;usn=4711;host=dc1.corp.example.com}.
 */
final class CursorText {
    private CursorText() {}

    static String encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> {
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return text.toString();
    }

    /**
     * @throws IllegalArgumentException when a pair has no {@code =} or a value is not URL-encoded
     */
    static Map<String, String> decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a key=value pair: '" + pair + "'");
            }
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /**
     * @throws IllegalArgumentException when the field is missing
     */
    static String require(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the field '" + key + "' is missing");
        }
        return value;
    }
}

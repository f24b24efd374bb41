package dev.dirsync.daemon.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A request's parameters: from the query string, else from a JSON object body. */
final class Request {
    private static final int MAX_BODY = 64 * 1024;

    private final Map<String, String> query;
    private final JsonNode body;

    private Request(Map<String, String> query, JsonNode body) {
        this.query = query;
        this.body = body;
    }

    static Request of(HttpExchange exchange) throws IOException {
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        JsonNode body = null;
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new BadRequest("the request body is larger than " + MAX_BODY + " bytes");
                }
                String text = new String(bytes, StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    body = Responses.JSON.readTree(text);
                    if (!body.isObject()) {
                        throw new BadRequest("the request body must be a JSON object");
                    }
                }
            } catch (JsonProcessingException e) {
                throw new BadRequest("the request body is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return new Request(query, body);
    }

    Optional<String> param(String name) {
        String value = query.get(name);
        if (value == null && body != null && body.hasNonNull(name)) {
            value = body.get(name).asText();
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    Optional<Long> longParam(String name) {
        Optional<String> value = param(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, got '" + value.get() + "'");
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    /** The client sent something unusable; answered with 400 and this message. */
    static class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}

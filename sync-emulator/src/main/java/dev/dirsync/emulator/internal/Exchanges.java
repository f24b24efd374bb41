package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.dirsync.emulator.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Reading requests from and writing JSON answers to the JDK server's exchanges. */
final class Exchanges {
    /** Far above any user or full {@code $batch} body. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private Exchanges() {}

    /** The whole body; a body above {@link #MAX_BODY_BYTES} is refused with 413. */
    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw GraphError.of(
                        413, "RequestEntityTooLarge", "The request body exceeds " + MAX_BODY_BYTES + " bytes.");
            }
            return body;
        }
    }

    /** Parses a JSON body; an empty body is {@code null}. */
    static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw GraphError.of(
                    400,
                    "BadRequest",
                    "Unable to read JSON request payload: " + Json.describe(e)
                            + ". Please ensure the payload is valid JSON.");
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body cannot fail", e);
        }
    }

    /** Sends {@code response} with the request ids; closes the exchange. */
    static void send(HttpExchange exchange, GraphResponse response, RequestIds ids) throws IOException {
        exchange.getResponseHeaders().set("request-id", ids.requestId());
        exchange.getResponseHeaders().set("client-request-id", ids.clientRequestId());
        send(exchange, response.status(), response.headers(), response.body());
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, JsonNode body) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

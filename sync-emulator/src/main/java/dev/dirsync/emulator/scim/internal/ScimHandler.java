package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dirsync.emulator.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of the SCIM service: the bearer token, the body (JSON, at most
 * {@link #MAX_BODY_BYTES}), then {@code /Bulk} or the {@link ScimRouter}; every answer is
 * {@code application/scim+json}, every refusal a SCIM error body.
 */
public final class ScimHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ScimHandler.class);
    /** Above the bulk limit, so that an oversized bulk request gets its 413 from the bulk rules. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final String SCIM_JSON = "application/scim+json";

    private final String prefix;
    private final byte[] expectedAuthorization;
    private final ScimRouter router;
    private final ScimBulk bulk;

    public ScimHandler(String prefix, String token, ScimRouter router, ScimBulk bulk) {
        this.prefix = prefix;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.router = router;
        this.bulk = bulk;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ScimReply reply;
        try {
            reply = answer(exchange);
        } catch (ScimFailure failure) {
            LOG.debug(
                    "SCIM {} {}: {} {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    failure.status(),
                    failure.getMessage());
            reply = ScimReply.failure(failure);
        }
        send(exchange, reply);
    }

    private ScimReply answer(HttpExchange exchange) throws IOException {
        byte[] body = readBody(exchange);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
                || !MessageDigest.isEqual(
                        expectedAuthorization, authorization.strip().getBytes(StandardCharsets.UTF_8))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"dirsync cloud emulator\"");
            throw new ScimFailure(
                    401,
                    null,
                    authorization == null ? "A bearer token is required." : "The bearer token is not valid.");
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath().substring(prefix.length());
        JsonNode json = parse(exchange, body);
        if (path.equals("/Bulk")) {
            if (!method.equals("POST")) {
                throw new ScimFailure(405, null, "The method " + method + " is not supported on '/Bulk'.");
            }
            return bulk.handle(body.length, json);
        }
        return router.route(method, path, exchange.getRequestURI().getRawQuery(), json);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ScimFailure(413, null, "The request body exceeds " + MAX_BODY_BYTES + " bytes.");
            }
            return body;
        }
    }

    private static JsonNode parse(HttpExchange exchange, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String essence = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!essence.equals(SCIM_JSON) && !essence.equals("application/json")) {
            throw new ScimFailure(415, null, "The request body must be application/scim+json, not '" + type + "'.");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimFailure.invalidSyntax("The request body is not valid JSON: " + Json.describe(e) + ".");
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body cannot fail", e);
        }
    }

    private static void send(HttpExchange exchange, ScimReply reply) throws IOException {
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        try (exchange) {
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", SCIM_JSON);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dirsync.emulator.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token} with the client credentials grant, answered like the
 * identity platform (any tenant id). Mounted at the root, so it also answers 404 for every path
 * outside {@code /v1.0} that is not a token endpoint.
 */
public final class TokenHandler implements HttpHandler {
    private static final Pattern TOKEN_PATH = Pattern.compile("/[^/]+/oauth2/v2\\.0/token/?");
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final String clientId;
    private final byte[] clientSecret;
    private final TokenIssuer tokens;
    private final StatsCounter stats;

    public TokenHandler(String clientId, String clientSecret, TokenIssuer tokens, StatsCounter stats) {
        this.clientId = clientId;
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RequestIds ids = RequestIds.next(exchange.getRequestHeaders().getFirst("client-request-id"));
        byte[] body;
        try {
            body = Exchanges.readBody(exchange);
        } catch (GraphError e) {
            send(exchange, e.status(), ErrorBodies.oauth("invalid_request", e.getMessage(), ids));
            return;
        }
        if (!TOKEN_PATH.matcher(exchange.getRequestURI().getPath()).matches()) {
            GraphError error = GraphError.of(
                    404,
                    "NotFound",
                    "The cloud emulator serves only '/{tenant}" + "/oauth2/v2.0/token' and '/v1.0/...', not '"
                            + exchange.getRequestURI().getPath() + "'.");
            Exchanges.send(exchange, GraphResponse.error(error, ids), ids);
            return;
        }
        stats.tokenRequest();
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, ErrorBodies.oauth("invalid_request", "The token endpoint accepts only POST.", ids));
            return;
        }
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        Refusal refusal = refusal(form);
        if (refusal != null) {
            send(exchange, refusal.status(), ErrorBodies.oauth(refusal.error(), refusal.description(), ids));
            return;
        }
        ObjectNode granted = Json.object();
        granted.put("token_type", "Bearer");
        granted.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
        granted.put("ext_expires_in", TokenIssuer.LIFETIME.toSeconds());
        granted.put("access_token", tokens.issue());
        send(exchange, 200, granted);
    }

    /** An OAuth error answer (RFC 6749 section 5.2). */
    private record Refusal(int status, String error, String description) {}

    /** Why the request gets no token, or {@code null} if it gets one. */
    private Refusal refusal(Map<String, String> form) {
        for (String parameter : new String[] {"grant_type", "client_id", "client_secret", "scope"}) {
            if (form.getOrDefault(parameter, "").isBlank()) {
                return new Refusal(
                        400,
                        "invalid_request",
                        "The request body must contain the following parameter: '" + parameter + "'.");
            }
        }
        if (!form.get("grant_type").equals("client_credentials")) {
            return new Refusal(
                    400, "unsupported_grant_type", "The cloud emulator supports only the client_credentials grant.");
        }
        if (!form.get("scope").endsWith("/.default")) {
            return new Refusal(
                    400,
                    "invalid_scope",
                    "The scope '" + form.get("scope")
                            + "' is not valid for the client credentials flow: it must end with '/.default'.");
        }
        if (!form.get("client_id").equals(clientId)) {
            return new Refusal(
                    401,
                    "invalid_client",
                    "Application with identifier '" + form.get("client_id") + "' was not found.");
        }
        if (!MessageDigest.isEqual(clientSecret, form.get("client_secret").getBytes(StandardCharsets.UTF_8))) {
            return new Refusal(
                    401, "invalid_client", "Invalid client secret provided for application '" + clientId + "'.");
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        Exchanges.send(exchange, status, NO_STORE, body);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return form;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}

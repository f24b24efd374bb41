package dev.dirsync.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Locale;

/**
 * The HTTP edge of {@code /v1.0}: request ids, the bearer token check, the JSON body, then {@code
 * $batch} or the {@link GraphRouter}.
 */
public final class GraphHandler implements HttpHandler {
    public static final String PREFIX = "/v1.0";

    private final TokenIssuer tokens;
    private final GraphRouter router;
    private final BatchApi batch;

    public GraphHandler(TokenIssuer tokens, GraphRouter router, BatchApi batch) {
        this.tokens = tokens;
        this.router = router;
        this.batch = batch;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RequestIds ids = RequestIds.next(exchange.getRequestHeaders().getFirst("client-request-id"));
        GraphResponse response;
        try {
            response = answer(exchange, ids);
        } catch (GraphError e) {
            response = GraphResponse.error(e, ids);
        }
        Exchanges.send(exchange, response, ids);
    }

    private GraphResponse answer(HttpExchange exchange, RequestIds ids) throws IOException {
        byte[] body = Exchanges.readBody(exchange);
        checkToken(exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        GraphRequest request = new GraphRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                path,
                exchange.getRequestURI().getRawQuery(),
                Exchanges.parseJson(body),
                ids);
        return path.equals("/$batch") ? batch.handle(request) : router.route(request);
    }

    private void checkToken(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        if (token == null || token.isEmpty()) {
            throw unauthorized("Access token is empty.");
        }
        switch (tokens.check(token)) {
            case VALID -> {}
            case EXPIRED -> throw unauthorized("Lifetime validation failed, the token is expired.");
            case UNKNOWN -> throw unauthorized("Access token validation failure. Invalid audience.");
        }
    }

    private static GraphError unauthorized(String message) {
        return GraphError.of(401, "InvalidAuthenticationToken", message);
    }
}

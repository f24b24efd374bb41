package dev.dirsync.daemon.admin;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Lets a request through only with the admin token: {@code Authorization: Bearer TOKEN}, or, for a
 * browser reading the status page, HTTP Basic with the token as the password (any user name).
 */
final class BearerAuthFilter extends Filter {
    private final AdminToken token;

    BearerAuthFilter(AdminToken token) {
        this.token = token;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (token.matches(presented(exchange.getRequestHeaders().getFirst("Authorization")))) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"dirsync\"");
        if ("/".equals(exchange.getRequestURI().getPath())) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"dirsync\", charset=\"UTF-8\"");
        }
        Responses.json(exchange, 401, Responses.error("unauthorized", "send Authorization: Bearer <admin token>"));
    }

    @Override
    public String description() {
        return "admin token check";
    }

    /** The token the header carries, or null. */
    static String presented(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        String scheme = value.length() > 7 ? value.substring(0, 7).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("bearer ")) {
            return value.substring(7).strip();
        }
        if (scheme.startsWith("basic ")) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}

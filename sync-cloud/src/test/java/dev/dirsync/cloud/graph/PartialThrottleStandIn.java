package dev.dirsync.cloud.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for Graph's writes that throttles a share of them whatever their pace: every
 * {@code nth} write outside a pause is answered 429 with a Retry-After of {@code pause} and opens
 * that pause; every write inside a pause is answered 429 with the whole seconds left (at least 1).
 * Serves the token endpoint, an empty user list, single creates and {@code $batch}. Not for tests
 * of correctness: it stores nothing.
 */
final class PartialThrottleStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int nth;
    private final Duration pause;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private long counted;
    private long pausedUntil = System.nanoTime();
    private final List<Long> acceptedAt = new ArrayList<>();
    private final List<Long> throttledAt = new ArrayList<>();

    /**
     * The second half of the accepted writes: their rate and the 429s answered meanwhile.
     *
     * @param accepted writes accepted from the middle one on
     * @param seconds from the middle accepted write to the last
     * @param throttled 429s answered in that time
     */
    record Settled(int accepted, double seconds, long throttled) {
        double rate() {
            return (accepted - 1) / seconds;
        }

        double throttlesPerThousand() {
            return throttled * 1000.0 / accepted;
        }
    }

    PartialThrottleStandIn(int nth, Duration pause) throws IOException {
        this.nth = nth;
        this.pause = pause;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUrl(String tenant) {
        return url() + "/" + tenant + "/oauth2/v2.0/token";
    }

    synchronized Settled settled() {
        long from = acceptedAt.get(acceptedAt.size() / 2);
        long to = acceptedAt.get(acceptedAt.size() - 1);
        long throttles =
                throttledAt.stream().filter(at -> at >= from && at <= to).count();
        return new Settled(acceptedAt.size() - acceptedAt.size() / 2, (to - from) / 1e9, throttles);
    }

    /** Empty when the write is accepted, else the Retry-After in seconds. */
    private synchronized OptionalLong judge() {
        long now = System.nanoTime();
        if (now < pausedUntil) {
            throttledAt.add(now);
            return OptionalLong.of(Math.max(1, (long) Math.ceil((pausedUntil - now) / 1e9)));
        }
        if (++counted % nth == 0) {
            pausedUntil = now + pause.toNanos();
            throttledAt.add(now);
            return OptionalLong.of(pause.toSeconds());
        }
        acceptedAt.add(now);
        return OptionalLong.empty();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.endsWith("/oauth2/v2.0/token")) {
                reply(exchange, 200, null, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"t\"}");
            } else if ("GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 200, null, "{\"value\": []}");
            } else if (path.endsWith("/$batch")) {
                reply(exchange, 200, null, JSON.writeValueAsString(batch(JSON.readTree(body))));
            } else {
                OptionalLong retryAfter = judge();
                if (retryAfter.isPresent()) {
                    reply(exchange, 429, Long.toString(retryAfter.getAsLong()), JSON.writeValueAsString(tooMany()));
                } else {
                    reply(exchange, 201, null, "{\"id\": \"" + UUID.randomUUID() + "\"}");
                }
            }
        }
    }

    private ObjectNode batch(JsonNode request) {
        ObjectNode envelope = JSON.createObjectNode();
        ArrayNode responses = envelope.putArray("responses");
        for (JsonNode item : request.path("requests")) {
            ObjectNode response = responses.addObject();
            response.put("id", item.path("id").asText());
            ObjectNode headers = response.putObject("headers");
            headers.put("Content-Type", "application/json");
            OptionalLong retryAfter = judge();
            if (retryAfter.isPresent()) {
                response.put("status", 429);
                headers.put("Retry-After", Long.toString(retryAfter.getAsLong()));
                response.set("body", tooMany());
            } else {
                response.put("status", 201);
                response.putObject("body").put("id", UUID.randomUUID().toString());
            }
        }
        return envelope;
    }

    private static ObjectNode tooMany() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", "TooManyRequests").put("message", "Too many requests.");
        return body;
    }

    private static void reply(HttpExchange exchange, int status, String retryAfter, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

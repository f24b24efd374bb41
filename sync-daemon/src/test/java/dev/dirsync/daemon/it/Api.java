package dev.dirsync.daemon.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small client of the admin API for tests. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String token;

    public Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", "Bearer " + token));
    }

    public Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body))
                .header("Authorization", "Bearer " + token));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the API answers at all. */
    public boolean up() {
        try {
            return get("/api/status").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Polls GET path until the JSON satisfies the condition, or fails after the timeout. */
    public JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Reply reply = get(path);
            if (reply.status() == 200) {
                last = reply.json();
                if (condition.test(last)) {
                    return last;
                }
            }
            Waits.sleep(200);
        }
        throw new AssertionError("timed out waiting on " + path + "; last answer: " + last);
    }
}

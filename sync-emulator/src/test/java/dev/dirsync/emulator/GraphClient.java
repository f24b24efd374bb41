package dev.dirsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Test fixture: a plain HTTP client for the emulator that fetches its own token. */
final class GraphClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One answer: status, headers and the parsed body ({@code null} when empty). */
    record Reply(int status, HttpResponse<String> raw, JsonNode body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String errorCode() {
            return body.path("error").path("code").asText();
        }

        String errorMessage() {
            return body.path("error").path("message").asText();
        }
    }

    private final CloudEmulator emulator;
    private String token;

    GraphClient(CloudEmulator emulator) {
        this.emulator = emulator;
    }

    static Reply postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body)));
    }

    static Map<String, String> tokenForm(String clientId, String clientSecret) {
        return Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                clientSecret,
                "scope",
                "https://graph.example.test/.default");
    }

    String token() {
        if (token == null) {
            Reply reply = postForm(
                    emulator.tokenUrl("contoso"),
                    tokenForm(EmulatorSettings.DEFAULT_CLIENT_ID, EmulatorSettings.DEFAULT_CLIENT_SECRET));
            token = reply.body().get("access_token").asText();
        }
        return token;
    }

    /** {@code path} is below {@code /v1.0} ("/users?...") or an absolute URL (a next link). */
    Reply get(String path) {
        return send(authorized(path).GET());
    }

    Reply post(String path, Object body) {
        return send(
                authorized(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json(body))));
    }

    Reply patch(String path, Object body) {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString(json(body))));
    }

    Reply delete(String path) {
        return send(authorized(path).DELETE());
    }

    /** Creates a valid user with {@code upn}, {@code anchor} and any {@code extra} properties; returns it. */
    JsonNode createUser(String upn, String anchor) {
        Reply reply = post("/users", user(upn, anchor));
        if (reply.status() != 201) {
            throw new AssertionError("create " + upn + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    static Map<String, Object> user(String upn, String anchor) {
        String nickname = upn.substring(0, upn.indexOf('@'));
        return Map.of(
                "accountEnabled",
                true,
                "displayName",
                "User " + nickname,
                "mailNickname",
                nickname,
                "userPrincipalName",
                upn,
                "onPremisesImmutableId",
                anchor,
                "passwordProfile",
                Map.of("password", "Secret-Passw0rd!", "forceChangePasswordNextSignIn", true));
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder authorized(String path) {
        String url = path.startsWith("http") ? path : emulator.graphUrl() + path;
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

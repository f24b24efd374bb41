package dev.dirsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** Test fixture: a plain HTTP client for the emulator's SCIM service with a bearer token. */
final class ScimClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String MAIL_USER = "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One answer: status, headers and the parsed body ({@code null} when empty). */
    record Reply(int status, HttpResponse<String> raw, JsonNode body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String scimType() {
            return body.path("scimType").asText(null);
        }

        String detail() {
            return body.path("detail").asText();
        }
    }

    private final String baseUrl;
    private final String token;

    ScimClient(CloudEmulator emulator, String token) {
        this.baseUrl = emulator.scimUrl();
        this.token = token;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String body) {
        return send(
                request(path).header("Content-Type", "application/scim+json").POST(BodyPublishers.ofString(body)));
    }

    Reply put(String path, String body) {
        return send(
                request(path).header("Content-Type", "application/scim+json").PUT(BodyPublishers.ofString(body)));
    }

    Reply patch(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", BodyPublishers.ofString(body)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Creates a user and returns its id. */
    String create(String userName, String externalId) {
        Reply reply = post("/Users", user(userName, externalId));
        if (reply.status() != 201) {
            throw new AssertionError("create " + userName + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().get("id").asText();
    }

    static String user(String userName, String externalId) {
        return """
                {"schemas": ["%s", "%s"], "externalId": %s, "userName": %s, "displayName": "User",
                 "name": {"givenName": "Given", "familyName": "Family"}, "active": true,
                 "emails": [{"value": "x@partner.example", "type": "work", "primary": true}],
                 "%s": {"mailNickname": "nick", "proxyAddresses": ["smtp:y@partner.example"]}}"""
                .formatted(USER, MAIL_USER, quote(externalId), quote(userName), MAIL_USER);
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
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
}

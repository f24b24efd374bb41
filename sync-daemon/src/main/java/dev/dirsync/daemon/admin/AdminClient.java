package dev.dirsync.daemon.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.daemon.config.AdminConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The command line's client of a running daemon's admin API, with the token from {@code
 * admin.token} or the daemon's token file.
 */
public final class AdminClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A response: its status and JSON body. */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    private AdminClient(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public static AdminClient forConfig(AdminConfig admin) {
        String token = AdminToken.forClient(admin)
                .orElseThrow(() -> new DaemonUnreachableException(
                        "no admin token: the daemon writes " + admin.tokenFile()
                                + " when it first starts (or set admin.token)",
                        null));
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (admin.tls() != null) {
            builder.sslContext(TlsContexts.client(admin.tls()));
        }
        return new AdminClient(builder.build(), admin.clientUrl(), token);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GET; a status other than 2xx or 404 is an error. */
    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), path);
    }

    private Response send(HttpRequest.Builder request, String path) {
        request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Accept", "application/json");
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new DaemonUnreachableException(
                    "no dirsync daemon answers at " + baseUrl + " (start it with: dirsync daemon --config FILE)", e);
        } catch (HttpTimeoutException e) {
            throw new UnavailableException(
                    "the daemon at " + baseUrl + " did not answer within " + TIMEOUT.toSeconds() + "s", e);
        } catch (IOException e) {
            throw new UnavailableException("cannot reach the daemon at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for the daemon", e);
        }
        if (response.statusCode() == 401) {
            throw new DirsyncException("the daemon at " + baseUrl + " refused the admin token (admin.token or "
                    + "admin.tokenFile must match the daemon's)");
        }
        JsonNode body;
        try {
            body = Responses.JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (JsonProcessingException e) {
            throw new UnavailableException("the daemon answered " + path + " with something other than JSON", e);
        }
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
            throw new UnavailableException(
                    "the daemon failed on " + path + ": " + body.path("message").asText());
        }
        return new Response(response.statusCode(), body);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}

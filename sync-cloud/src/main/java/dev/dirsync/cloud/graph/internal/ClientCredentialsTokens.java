package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.Authorizer;
import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.UnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App-only access tokens from the Microsoft identity platform (OAuth2 client credentials grant),
 * authenticated by a client secret or a certificate ({@link ClientCredential}), kept until 60 s
 * before they expire. Neither the credential nor a token ever reaches a log line, an exception or
 * {@link #toString()}. Thread-safe: concurrent callers share one token and one renewal.
 */
public final class ClientCredentialsTokens implements Authorizer {
    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokens.class);
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final HttpPolicy http;
    private final HttpUrl tokenUrl;
    private final String clientId;
    private final ClientCredential credential;
    private final String scope;
    private final Clock clock;

    private String cachedHeader;
    private Instant renewAt = Instant.MIN;

    /** Authenticated by a client secret. */
    public ClientCredentialsTokens(
            HttpPolicy http, String tokenUrl, String clientId, String clientSecret, String scope, Clock clock) {
        this(http, tokenUrl, clientId, new ClientSecret(clientSecret), scope, clock);
    }

    public ClientCredentialsTokens(
            HttpPolicy http, String tokenUrl, String clientId, ClientCredential credential, String scope, Clock clock) {
        this.http = http;
        this.tokenUrl = HttpUrl.get(tokenUrl);
        this.clientId = clientId;
        this.credential = credential;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public synchronized String authorization() {
        if (cachedHeader == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return cachedHeader;
    }

    @Override
    public synchronized void invalidate(String rejected) {
        if (cachedHeader != null && cachedHeader.equals(rejected)) {
            cachedHeader = null;
        }
    }

    private void fetch() {
        FormBody.Builder form =
                new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", clientId);
        credential.addTo(form);
        Request request = new Request.Builder()
                .url(tokenUrl)
                .header("Accept", "application/json")
                .post(form.add("scope", scope).build())
                .build();
        Exchange<Void> exchange = http.send(request, null);
        if (exchange instanceof Exchange.GaveUp<Void> gaveUp) {
            String last = gaveUp.lastReply() != null
                    ? gaveUp.lastReply().describe()
                    : gaveUp.lastFailure() == null ? "" : gaveUp.lastFailure().toString();
            throw new UnavailableException(
                    scrub("the token endpoint " + tokenUrl + " could not be reached (" + gaveUp.reason()
                            + (last.isEmpty() ? "" : ": " + last) + ")"),
                    gaveUp.lastFailure());
        }
        HttpReply reply = ((Exchange.Answered<Void>) exchange).reply();
        if (!reply.successful()) {
            Optional<String> refusal = identityError(reply);
            if ((reply.status() == 400 || reply.status() == 401) && refusal.isPresent()) {
                throw new CredentialsRejectedException(scrub(
                        "the token endpoint " + tokenUrl + " rejected client id " + clientId + ": " + refusal.get()));
            }
            // Not the identity platform speaking (a proxy, a wrong URL): a failure to reach it.
            throw new UnavailableException(scrub("the token endpoint answered " + reply.describe()
                    + refusal.map(text -> ": " + text).orElse(", not an OAuth2 error body")));
        }
        accept(reply);
    }

    private void accept(HttpReply reply) {
        JsonNode token;
        try {
            token = reply.isJson() ? GraphJson.tree(reply.body()) : null;
        } catch (IOException e) {
            token = null;
        }
        String accessToken = token == null ? null : token.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new UnavailableException(reply.describe() + " carries no access_token");
        }
        long expiresIn = token.path("expires_in").asLong(0);
        Duration lifetime = Duration.ofSeconds(Math.max(expiresIn, 0));
        Duration keep = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                ? lifetime.minus(RENEW_BEFORE_EXPIRY)
                : lifetime.dividedBy(2);
        cachedHeader = "Bearer " + accessToken;
        renewAt = clock.instant().plus(keep);
        log.debug("obtained an access token for client id {} from {}, valid for {} s", clientId, tokenUrl, expiresIn);
    }

    /**
     * The identity platform's error: {@code {"error":"invalid_client","error_description":
     * "AADSTS7000215: Invalid client secret provided. ...\r\nTrace ID: ...","error_codes":[7000215]}}.
     * Only the description's first line is kept; trace and correlation ids follow it.
     */
    private static Optional<String> identityError(HttpReply reply) {
        JsonNode body = null;
        if (reply.isJson()) {
            try {
                body = GraphJson.tree(reply.body());
            } catch (IOException e) {
                body = null;
            }
        }
        if (body == null || !body.path("error").isTextual()) {
            return Optional.empty();
        }
        String error = body.get("error").asText();
        String description = body.path("error_description")
                .asText("")
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        JsonNode codes = body.path("error_codes");
        String aadCode =
                codes.isArray() && codes.size() > 0 ? "AADSTS" + codes.get(0).asText() : null;
        StringBuilder out = new StringBuilder(error);
        if (aadCode != null && !description.startsWith(aadCode)) {
            out.append(' ').append(aadCode);
        }
        if (!description.isEmpty()) {
            out.append(" (").append(description).append(')');
        }
        return Optional.of(out.toString());
    }

    /** Server text is quoted in messages; should it ever echo the credential, it goes no further. */
    private String scrub(String message) {
        return credential.redact(message);
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokens[" + tokenUrl + ", client id " + clientId + "]";
    }
}

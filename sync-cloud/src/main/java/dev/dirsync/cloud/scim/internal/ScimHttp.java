package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.cloud.internal.RetryGuard;
import dev.dirsync.cloud.internal.Urls;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.UnavailableException;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Requests to one SCIM service through the shared {@link HttpPolicy}, authorised by a static bearer
 * token. The token is set on each request rather than supplied through an authorizer: it cannot be
 * renewed, so a 401 is final at once instead of being sent twice. It never reaches a log line, an
 * exception or {@link #toString()}.
 */
public final class ScimHttp {
    private static final String ACCEPT = "application/scim+json, application/json";

    private final HttpPolicy policy;
    private final String authorization;
    private final String base;

    public ScimHttp(HttpPolicy policy, String token, String base) {
        this.policy = policy;
        this.authorization = "Bearer " + token;
        this.base = base;
    }

    public Request get(HttpUrl url) {
        return builder(url).get().build();
    }

    public Request post(HttpUrl url, JsonNode body) {
        return builder(url).post(ScimJson.body(body)).build();
    }

    public Request put(HttpUrl url, JsonNode body) {
        return builder(url).put(ScimJson.body(body)).build();
    }

    public Request patch(HttpUrl url, JsonNode body) {
        return builder(url).patch(ScimJson.body(body)).build();
    }

    public Request delete(HttpUrl url) {
        return builder(url).delete().build();
    }

    public <T> Exchange<T> send(Request request, RetryGuard<T> guard) {
        return policy.send(request, null, guard);
    }

    /**
     * GETs {@code url} and returns the service's answer, whatever its status, except that a refused
     * token throws {@link CredentialsRejectedException} and a service that never answered usefully
     * throws {@link UnavailableException}.
     */
    public HttpReply read(HttpUrl url) {
        Exchange<Void> exchange = send(get(url), RetryGuard.none());
        if (exchange instanceof Exchange.GaveUp<Void> gaveUp) {
            String last = gaveUp.lastReply() != null
                    ? ScimError.of(gaveUp.lastReply()).summary()
                    : gaveUp.lastFailure() == null ? "" : gaveUp.lastFailure().toString();
            throw new UnavailableException(
                    "SCIM read " + Urls.withoutQuery(url) + " failed, " + gaveUp.reason()
                            + (last.isEmpty() ? "" : ": " + last),
                    gaveUp.lastFailure());
        }
        HttpReply reply = ((Exchange.Answered<Void>) exchange).reply();
        if (reply.status() == 401 || reply.status() == 403) {
            throw refused(reply);
        }
        return reply;
    }

    public CredentialsRejectedException refused(HttpReply reply) {
        return new CredentialsRejectedException("the SCIM service " + base + " refused the bearer token: "
                + ScimError.of(reply).summary());
    }

    private Request.Builder builder(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", ACCEPT).header("Authorization", authorization);
    }

    @Override
    public String toString() {
        return "ScimHttp[" + base + "]";
    }
}

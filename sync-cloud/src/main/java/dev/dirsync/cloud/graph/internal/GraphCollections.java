package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.Authorizer;
import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.cloud.internal.Urls;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * GETs of Graph collections through the shared {@link HttpPolicy}: one page, or every page from
 * the first, following {@code @odata.nextLink}. A read that cannot complete throws; it never ends
 * early as if the collection were shorter.
 */
public final class GraphCollections {

    /**
     * What a refusal (401, 403) of one collection means.
     *
     * @param what the collection in a message, e.g. {@code groups}
     * @param permission the application permissions that grant reading it, least privileged first
     *     (e.g. {@code GroupMember.Read.All, Group.Read.All or Directory.Read.All}), or null to
     *     report a refusal as a refused client
     */
    public record Access(String what, String permission) {}

    private final HttpPolicy http;
    private final Authorizer authorizer;
    private final GraphEndpoints endpoints;
    private final String clientId;

    public GraphCollections(HttpPolicy http, Authorizer authorizer, GraphEndpoints endpoints, String clientId) {
        this.http = http;
        this.authorizer = authorizer;
        this.endpoints = endpoints;
        this.clientId = clientId;
    }

    /**
     * Passes every element of the collection whose first page is {@code first} to {@code each}.
     *
     * @return how many pages were read
     */
    public int forEach(HttpUrl first, Access access, Consumer<JsonNode> each) {
        HttpUrl next = first;
        int pages = 0;
        while (next != null) {
            String nextLink = readPage(get(next, false, access), each);
            pages++;
            next = nextLink == null ? null : sameOrigin(nextLink);
        }
        return pages;
    }

    /**
     * The successful reply to a GET of {@code url}; an advanced query is sent with {@code
     * ConsistencyLevel: eventual}. A 401 or 403 throws {@link CredentialsRejectedException} (naming
     * the permission {@code access} names, if any), a reply that never came or kept failing
     * {@link UnavailableException}, any other error {@link DirsyncException}.
     */
    public HttpReply get(HttpUrl url, boolean advanced, Access access) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json");
        if (advanced) {
            builder.header("ConsistencyLevel", "eventual");
        }
        Exchange<Void> exchange = http.send(builder.get().build(), authorizer);
        if (exchange instanceof Exchange.GaveUp<Void> gaveUp) {
            String last = gaveUp.lastReply() != null
                    ? GraphError.of(gaveUp.lastReply()).summary()
                    : gaveUp.lastFailure() == null ? "" : gaveUp.lastFailure().toString();
            throw new UnavailableException(
                    "Graph read " + Urls.withoutQuery(url) + " failed, " + gaveUp.reason()
                            + (last.isEmpty() ? "" : ": " + last),
                    gaveUp.lastFailure());
        }
        HttpReply reply = ((Exchange.Answered<Void>) exchange).reply();
        if (reply.successful()) {
            return reply;
        }
        GraphError error = GraphError.of(reply);
        if (reply.status() == 403 && access != null && access.permission() != null) {
            throw new CredentialsRejectedException("Graph refused client id " + clientId + " to list " + access.what()
                    + ": grant the app the application permission " + access.permission()
                    + " (with admin consent): " + error.summary());
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new CredentialsRejectedException("Graph refused client id " + clientId + ": " + error.summary());
        }
        throw new DirsyncException("Graph read failed: " + error.summary());
    }

    /**
     * Passes each element of the page in {@code reply} to {@code each}.
     *
     * @return the next page's URL as Graph wrote it, or null on the last page
     */
    public static String readPage(HttpReply reply, Consumer<JsonNode> each) {
        if (!reply.isJson()) {
            throw new UnavailableException(reply.describe() + ", not a Graph collection page");
        }
        try {
            return UserPages.read(reply.body(), each);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new UnavailableException(reply.describe() + " is not a readable Graph collection page: " + why, e);
        }
    }

    /** A nextLink elsewhere than Graph itself would receive our bearer token: refused. */
    private HttpUrl sameOrigin(String nextLink) {
        HttpUrl next = HttpUrl.parse(nextLink);
        if (next == null || !Urls.sameOrigin(endpoints.root(), next)) {
            throw new UnavailableException("Graph paging link leads away from " + endpoints.root() + ": "
                    + (next == null ? "unparseable link" : Urls.withoutQuery(next)));
        }
        return next;
    }
}

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
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads users: the whole collection page by page, or one user by anchor. A read that cannot
 * complete throws; it never ends early as if the collection were shorter.
 */
public final class GraphUserReader {
    private static final Logger log = LoggerFactory.getLogger(GraphUserReader.class);

    private final HttpPolicy http;
    private final Authorizer authorizer;
    private final GraphEndpoints endpoints;
    private final String clientId;

    public GraphUserReader(HttpPolicy http, Authorizer authorizer, GraphEndpoints endpoints, String clientId) {
        this.http = http;
        this.authorizer = authorizer;
        this.endpoints = endpoints;
        this.clientId = clientId;
    }

    /** Streams every user with an anchor to {@code handler}, following @odata.nextLink to the last page. */
    public void listUsers(Consumer<CloudUser> handler) {
        HttpUrl next = endpoints.listUsers();
        long passed = 0;
        long skipped = 0;
        int pages = 0;
        while (next != null) {
            HttpReply reply = get(next);
            pages++;
            long[] counts = new long[2];
            String nextLink = readPage(reply, node -> {
                Optional<CloudUser> user = GraphUserJson.cloudUser(node);
                if (user.isPresent()) {
                    counts[0]++;
                    handler.accept(user.get());
                } else {
                    counts[1]++;
                }
            });
            passed += counts[0];
            skipped += counts[1];
            next = nextLink == null ? null : sameOrigin(nextLink);
        }
        log.info(
                "listed {} users with an anchor from {} ({} without one left alone, {} pages)",
                passed,
                endpoints.root(),
                skipped,
                pages);
    }

    public Optional<CloudUser> findByAnchor(Anchor anchor) {
        List<CloudUser> found = new ArrayList<>(1);
        HttpUrl url = endpoints.userByAnchor(anchor);
        readPage(get(url), node -> GraphUserJson.cloudUser(node).ifPresent(found::add));
        if (found.size() > 1) {
            log.warn(
                    "{} cloud users carry the anchor {}; using {}",
                    found.size(),
                    anchor,
                    found.get(0).id());
        }
        return found.stream().findFirst();
    }

    /**
     * The users {@code url} (from {@link GraphEndpoints#findUsers}) finds, with or without an anchor;
     * an advanced query is sent with {@code ConsistencyLevel: eventual}.
     */
    public List<UserRef> find(HttpUrl url, boolean advanced) {
        List<UserRef> found = new ArrayList<>(1);
        readPage(get(url, advanced), node -> GraphUserJson.ref(node).ifPresent(found::add));
        return found;
    }

    private HttpReply get(HttpUrl url) {
        return get(url, false);
    }

    private HttpReply get(HttpUrl url, boolean advanced) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json");
        if (advanced) {
            builder.header("ConsistencyLevel", "eventual");
        }
        Request request = builder.get().build();
        Exchange<Void> exchange = http.send(request, authorizer);
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
        if (reply.status() == 401 || reply.status() == 403) {
            throw new CredentialsRejectedException("Graph refused client id " + clientId + ": " + error.summary());
        }
        throw new DirsyncException("Graph read failed: " + error.summary());
    }

    private static String readPage(HttpReply reply, Consumer<JsonNode> each) {
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

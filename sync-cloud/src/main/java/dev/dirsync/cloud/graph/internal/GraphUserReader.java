package dev.dirsync.cloud.graph.internal;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads users: the whole collection page by page, or one user by anchor. A read that cannot
 * complete throws; it never ends early as if the collection were shorter.
 */
public final class GraphUserReader {
    private static final Logger log = LoggerFactory.getLogger(GraphUserReader.class);

    private final GraphCollections collections;
    private final GraphEndpoints endpoints;

    public GraphUserReader(GraphCollections collections, GraphEndpoints endpoints) {
        this.collections = collections;
        this.endpoints = endpoints;
    }

    /** Streams every user with an anchor to {@code handler}, following @odata.nextLink to the last page. */
    public void listUsers(Consumer<CloudUser> handler) {
        long[] counts = new long[2];
        int pages = collections.forEach(endpoints.listUsers(), null, node -> {
            Optional<CloudUser> user = GraphUserJson.cloudUser(node);
            if (user.isPresent()) {
                counts[0]++;
                handler.accept(user.get());
            } else {
                counts[1]++;
            }
        });
        log.info(
                "listed {} users with an anchor from {} ({} without one left alone, {} pages)",
                counts[0],
                endpoints.root(),
                counts[1],
                pages);
    }

    public Optional<CloudUser> findByAnchor(Anchor anchor) {
        List<CloudUser> found = new ArrayList<>(1);
        HttpUrl url = endpoints.userByAnchor(anchor);
        GraphCollections.readPage(collections.get(url, false, null), node -> GraphUserJson.cloudUser(node)
                .ifPresent(found::add));
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
        GraphCollections.readPage(collections.get(url, advanced, null), node -> GraphUserJson.ref(node)
                .ifPresent(found::add));
        return found;
    }
}

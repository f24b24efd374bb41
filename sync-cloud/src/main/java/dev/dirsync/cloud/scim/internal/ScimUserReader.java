package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.cloud.internal.Urls;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads users: the whole collection page by page (RFC 9865 cursors when the service offers them,
 * else startIndex/count until totalResults), or one user by anchor. A read that cannot complete
 * throws; it never ends early as if the collection were shorter.
 */
public final class ScimUserReader {
    private static final Logger log = LoggerFactory.getLogger(ScimUserReader.class);

    private final ScimHttp http;
    private final ScimEndpoints endpoints;
    private final Supplier<ProviderConfig> config;

    public ScimUserReader(ScimHttp http, ScimEndpoints endpoints, Supplier<ProviderConfig> config) {
        this.http = http;
        this.endpoints = endpoints;
        this.config = config;
    }

    /** Streams every user with an externalId to {@code handler}. */
    public void listUsers(Consumer<CloudUser> handler) {
        long[] skipped = new long[1];
        Scan scan = scan(
                user -> {
                    handler.accept(user);
                    return true;
                },
                skipped);
        log.info(
                "listed {} users with an externalId from {} ({} without one left alone, {} pages)",
                scan.passed(),
                endpoints.base(),
                skipped[0],
                scan.pages());
    }

    /**
     * Streams the userName and email addresses of every user, with or without an externalId; users
     * holding neither are not passed on.
     */
    public void listAddresses(Consumer<CloudAddresses> handler) {
        long[] passed = new long[1];
        int pages = forEachResource(
                node -> ScimAddressJson.user(node).ifPresent(holder -> {
                    passed[0]++;
                    handler.accept(holder);
                }),
                () -> false);
        log.info("listed the addresses of {} users from {} ({} pages)", passed[0], endpoints.base(), pages);
    }

    /**
     * The user whose externalId is exactly the anchor: by filter when the service supports filters,
     * else by scanning the collection.
     */
    public Optional<CloudUser> findByAnchor(Anchor anchor) {
        List<CloudUser> found = new ArrayList<>(1);
        if (config.get().filter()) {
            HttpUrl url = endpoints.byExternalId(anchor.value());
            readPage(url, node -> ScimUserJson.cloudUser(node)
                    .filter(user -> user.anchor().equals(anchor))
                    .ifPresent(found::add));
        } else {
            scan(
                    user -> {
                        if (user.anchor().equals(anchor)) {
                            found.add(user);
                            return false;
                        }
                        return true;
                    },
                    new long[1]);
        }
        if (found.size() > 1) {
            log.warn(
                    "{} SCIM users carry the externalId {}; using {}",
                    found.size(),
                    anchor,
                    found.get(0).id());
        }
        return found.stream().findFirst();
    }

    private record Scan(long passed, int pages) {}

    /** Pages through the collection while {@code each} answers true. */
    private Scan scan(Predicate<CloudUser> each, long[] skipped) {
        long[] passed = new long[1];
        boolean[] stop = new boolean[1];
        int pages = forEachResource(
                node -> {
                    if (stop[0]) {
                        return;
                    }
                    Optional<CloudUser> user = ScimUserJson.cloudUser(node);
                    if (user.isEmpty()) {
                        skipped[0]++;
                        return;
                    }
                    passed[0]++;
                    stop[0] = !each.test(user.get());
                },
                () -> stop[0]);
        return new Scan(passed[0], pages);
    }

    /**
     * Passes every resource of the collection to {@code onNode}, page by page, until the last page
     * or until {@code stop} answers true after a page.
     *
     * @return how many pages were read
     */
    private int forEachResource(Consumer<JsonNode> onNode, BooleanSupplier stop) {
        ProviderConfig provider = config.get();
        int size = provider.pageSize();
        int pages = 0;
        if (provider.cursorPaging()) {
            String cursor = "";
            while (cursor != null && !stop.getAsBoolean()) {
                ListPage page = readPage(endpoints.cursorPage(cursor, size), onNode);
                pages++;
                if (page.nextCursor() != null && page.nextCursor().equals(cursor)) {
                    throw new UnavailableException("the SCIM service " + endpoints.base()
                            + " answered a page with the cursor it was asked for; the listing would not end");
                }
                cursor = page.nextCursor();
            }
            return pages;
        }
        long startIndex = 1;
        while (!stop.getAsBoolean()) {
            ListPage page = readPage(endpoints.indexPage(startIndex, size), onNode);
            pages++;
            startIndex += page.resources();
            boolean last = page.resources() == 0
                    || (page.totalResults() >= 0 ? startIndex > page.totalResults() : page.resources() < size);
            if (last) {
                break;
            }
        }
        return pages;
    }

    private ListPage readPage(HttpUrl url, Consumer<JsonNode> each) {
        HttpReply reply = http.read(url);
        if (!reply.successful()) {
            throw new DirsyncException(
                    "SCIM read failed: " + ScimError.of(reply).summary());
        }
        if (!reply.isJson()) {
            throw new UnavailableException(reply.describe() + ", not a SCIM list response");
        }
        try {
            return ListPage.read(reply.body(), each);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new UnavailableException(reply.describe() + " is not a readable SCIM list response: " + why, e);
        }
    }

    @Override
    public String toString() {
        return "ScimUserReader[" + Urls.withoutQuery(endpoints.base()) + "]";
    }
}

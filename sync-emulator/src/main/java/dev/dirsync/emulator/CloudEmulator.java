package dev.dirsync.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.dirsync.emulator.internal.BatchApi;
import dev.dirsync.emulator.internal.GraphError;
import dev.dirsync.emulator.internal.GraphHandler;
import dev.dirsync.emulator.internal.GraphRouter;
import dev.dirsync.emulator.internal.MailObjectSchema;
import dev.dirsync.emulator.internal.MailObjectStore;
import dev.dirsync.emulator.internal.MailObjectsApi;
import dev.dirsync.emulator.internal.StatsCounter;
import dev.dirsync.emulator.internal.StoreFile;
import dev.dirsync.emulator.internal.StoreFlusher;
import dev.dirsync.emulator.internal.TenantStore;
import dev.dirsync.emulator.internal.TokenHandler;
import dev.dirsync.emulator.internal.TokenIssuer;
import dev.dirsync.emulator.internal.UsersApi;
import dev.dirsync.emulator.internal.WriteThrottle;
import dev.dirsync.emulator.json.Json;
import dev.dirsync.emulator.scim.ScimService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the small part of Microsoft Graph that dirsync talks to, for the demo and
 * end-to-end tests. It is not a Graph implementation: it answers the calls dirsync makes, in
 * Graph's shapes, and refuses the rest clearly.
 *
 * <p>What it serves, on 127.0.0.1 only:
 *
 * <ul>
 *   <li>{@code POST /{tenant}/oauth2/v2.0/token}: client credentials grant for the one configured
 *       client (any tenant id); opaque bearer tokens valid for 3599 seconds.
 *   <li>{@code GET /v1.0/users} with {@code $select}, {@code $top} (1..999, capped at the page
 *       size), {@code $filter=prop eq 'value'} on onPremisesImmutableId, userPrincipalName or mail,
 *       and {@code @odata.nextLink} paging; {@code POST /v1.0/users}; {@code GET/PATCH/DELETE
 *       /v1.0/users/{id | userPrincipalName}}; {@code POST /v1.0/$batch} of up to 20 of these.
 *   <li>Properties: id, accountEnabled, displayName, givenName, surname, mailNickname, mail,
 *       otherMails, proxyAddresses, userPrincipalName, usageLocation, onPremisesImmutableId.
 *       passwordProfile is validated on create and patch but never stored or returned.
 *       proxyAddresses is read-only, as in Graph: setting mail makes it the primary {@code SMTP:}
 *       address, a previous primary one stays as {@code smtp:} (Graph documents that changes to
 *       mail update proxyAddresses to include it). Unknown properties are refused.
 *   <li>Like Graph, a user read without {@code $select} shows only the default properties (id,
 *       displayName, givenName, surname, mail, userPrincipalName); ask for others by name.
 *   <li>userPrincipalName is unique case-insensitively, onPremisesImmutableId exactly. Addresses
 *       (mail, proxyAddresses) are not checked for uniqueness, within users or across objects.
 *   <li>{@code GET /v1.0/groups} and {@code GET /v1.0/contacts} (organizational contacts) with
 *       {@code $select} (id, displayName, mail, proxyAddresses; all four without it), {@code $top}
 *       and next links, read-only. Tests seed them with {@link #addGroup} and {@link #addContact};
 *       a store file may hold them under {@code "groups"} and {@code "contacts"}.
 *   <li>Optional write throttling: writes above the configured rate get 429, a whole-second
 *       Retry-After and Graph's TooManyRequests error body.
 * </ul>
 *
 * <p>Under {@code /scim/v2} it also serves a SCIM 2.0 stand-in ({@link ScimService}) behind the
 * configured bearer token, with users of its own, kept in memory only.
 *
 * <p>With a store file, Graph users, groups and contacts survive restarts: the file is read at start and rewritten atomically
 * at most once a second after changes, and on {@link #flush()} and {@link #close()}. Two emulators
 * must not run on the same file at the same time; the last writer wins.
 *
 * <p>Thread-safe.
 */
public final class CloudEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudEmulator.class);
    private static final int HTTP_THREADS = 8;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server sends headers and body in separate writes; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK (~40 ms per response on Linux). The server
        // reads this property once per JVM, when it first starts, so it must be set before that.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final TenantStore store;
    private final StoreFlusher flusher;
    private final StatsCounter stats;
    private final ScimService scim;
    private final String url;
    private boolean closed;

    private CloudEmulator(
            String url,
            HttpServer server,
            ExecutorService executor,
            TenantStore store,
            StoreFlusher flusher,
            StatsCounter stats,
            ScimService scim) {
        this.url = url;
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.flusher = flusher;
        this.stats = stats;
        this.scim = scim;
    }

    /**
     * Loads the store file (if any) and starts serving.
     *
     * @throws EmulatorStoreException if the store file cannot be read or is not a valid store
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static CloudEmulator start(EmulatorSettings settings) {
        TenantStore store = new TenantStore();
        StoreFile file = settings.storeFile() == null ? null : new StoreFile(settings.storeFile());
        if (file != null) {
            file.loadInto(store);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback(), settings.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Cloud emulator cannot listen on 127.0.0.1:" + settings.port(), e);
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        StatsCounter stats = new StatsCounter();
        TokenIssuer tokens = new TokenIssuer(Clock.systemUTC());
        WriteThrottle throttle = settings.writesPerSecond() == 0
                ? null
                : new WriteThrottle(settings.writesPerSecond(), System::nanoTime);
        String graphUrl = url + GraphHandler.PREFIX;
        GraphRouter router = new GraphRouter(
                new UsersApi(store.users(), graphUrl, settings.pageSize()),
                List.of(
                        new MailObjectsApi(
                                store.groups(), "groups", "microsoft.graph.group", graphUrl, settings.pageSize()),
                        new MailObjectsApi(
                                store.contacts(),
                                "contacts",
                                "microsoft.graph.orgContact",
                                graphUrl,
                                settings.pageSize())),
                throttle,
                stats);
        server.createContext(GraphHandler.PREFIX + "/", new GraphHandler(tokens, router, new BatchApi(router)));
        server.createContext("/", new TokenHandler(settings.clientId(), settings.clientSecret(), tokens, stats));
        ScimService scim = new ScimService(url + ScimService.PREFIX, settings.scimToken(), settings.pageSize());
        server.createContext(ScimService.PREFIX + "/", scim.handler());
        ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
        server.setExecutor(executor);
        StoreFlusher flusher = file == null ? null : new StoreFlusher(store, file);
        server.start();
        LOG.info("Cloud emulator listening on {} ({})", url, file == null ? "in memory" : "store " + file.path());
        return new CloudEmulator(url, server, executor, store, flusher, stats, scim);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}, without a trailing slash. */
    public String url() {
        return url;
    }

    /** The Graph base URL, {@code url() + "/v1.0"}. */
    public String graphUrl() {
        return url + GraphHandler.PREFIX;
    }

    /** The token endpoint for {@code tenant}; every tenant id is accepted. */
    public String tokenUrl(String tenant) {
        return url + "/" + tenant + "/oauth2/v2.0/token";
    }

    /** The SCIM 2.0 base URL, {@code url() + "/scim/v2"}: /Users, /Bulk and /ServiceProviderConfig hang off it. */
    public String scimUrl() {
        return url + ScimService.PREFIX;
    }

    /** The SCIM users in creation order (a store of their own, not the Graph users). */
    public List<Map<String, Object>> scimUsers() {
        return scim.users();
    }

    public EmulatorStats stats() {
        return stats.snapshot();
    }

    public void resetStats() {
        stats.reset();
    }

    /** The stored users in creation order, as immutable maps (id first; no password). */
    public List<Map<String, Object>> users() {
        return store.users().snapshot().users();
    }

    /**
     * Adds a group holding addresses, as a test or demo needs one (Graph offers no way to write a
     * group's mail or proxyAddresses: Exchange sets them). Nothing is derived: the group holds
     * exactly the given values.
     *
     * @param properties displayName, mail and proxyAddresses ({@code SMTP:} primary, {@code smtp:}
     *     secondary), any of them; a list for proxyAddresses
     * @return the group as stored, with its new id
     * @throws IllegalArgumentException when a property is unknown or its value invalid
     */
    public Map<String, Object> addGroup(Map<String, Object> properties) {
        return add(store.groups(), properties, "Group");
    }

    /**
     * Adds an organizational contact holding addresses (Graph v1.0 cannot create contacts). As
     * {@link #addGroup}.
     */
    public Map<String, Object> addContact(Map<String, Object> properties) {
        return add(store.contacts(), properties, "OrgContact");
    }

    /** The stored groups in the order they were added. */
    public List<Map<String, Object>> groups() {
        return store.groups().snapshot().objects();
    }

    /** The stored organizational contacts in the order they were added. */
    public List<Map<String, Object>> contacts() {
        return store.contacts().snapshot().objects();
    }

    private static Map<String, Object> add(MailObjectStore objects, Map<String, Object> properties, String resource) {
        try {
            return objects.add(MailObjectSchema.read(Json.MAPPER.valueToTree(properties), resource));
        } catch (GraphError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Writes the store file now if anything changed since the last write; does nothing in memory
     * mode.
     *
     * @throws EmulatorStoreException if the file cannot be written
     */
    public void flush() {
        if (flusher != null) {
            flusher.flush();
        }
    }

    /** Stops serving and writes the store file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdown();
        try {
            // a request still being handled may change the store: let it land before the last write
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (flusher != null) {
            flusher.close();
        }
        LOG.info("Cloud emulator on {} stopped", url);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a four-byte address is always valid", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cloud-emulator-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

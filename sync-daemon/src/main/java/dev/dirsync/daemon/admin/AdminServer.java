package dev.dirsync.daemon.admin;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.dirsync.core.UnavailableException;
import dev.dirsync.daemon.config.AdminConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP API (JDK server): JSON under {@code /api/}, Prometheus metrics at
 * {@code /metrics} and a status page at {@code /}. Every request needs the admin token. HTTPS when
 * {@code admin.tls} is set; plain HTTP otherwise, which the configuration allows on loopback only
 * unless {@code admin.allowInsecureBind} is set.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;

    private AdminServer(HttpServer server, ExecutorService executor, String url) {
        this.server = server;
        this.executor = executor;
        this.url = url;
    }

    public static AdminServer start(AdminConfig config, AdminToken token, AdminContext context) {
        HttpServer server;
        InetSocketAddress address = new InetSocketAddress(config.bind(), config.port());
        try {
            if (config.tls() != null) {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(config.tls())));
                server = https;
            } else {
                server = HttpServer.create(address, 64);
            }
        } catch (IOException e) {
            throw new UnavailableException(
                    "the admin API cannot listen on " + config.bind() + ":" + config.port() + " (" + e.getMessage()
                            + "); is another daemon running? Set admin.port to use another port",
                    e);
        }
        BearerAuthFilter auth = new BearerAuthFilter(token);
        add(server, "/api/", new ApiHandler(context), auth);
        add(server, "/metrics", new MetricsHandler(context.metrics()), auth);
        add(server, "/", new StatusPage(context), auth);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "dirsync-admin-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        String url = (config.tls() == null ? "http" : "https") + "://" + config.bind() + ":"
                + server.getAddress().getPort();
        LOG.info("admin API listening on {}", url);
        return new AdminServer(server, executor, url);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private static void add(HttpServer server, String path, HttpHandler handler, BearerAuthFilter auth) {
        HttpContext context = server.createContext(path, handler);
        context.getFilters().add(auth);
    }
}

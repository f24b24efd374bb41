package dev.dirsync.daemon.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dirsync.daemon.service.RunMetrics;
import java.io.IOException;

/** {@code GET /metrics}: the run metrics in Prometheus' text format. */
final class MetricsHandler implements HttpHandler {
    private final RunMetrics metrics;

    MetricsHandler(RunMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Responses.json(exchange, 405, Responses.error("method-not-allowed", "use GET"));
                return;
            }
            Responses.text(exchange, 200, metrics.contentType(), metrics.scrape());
        }
    }
}

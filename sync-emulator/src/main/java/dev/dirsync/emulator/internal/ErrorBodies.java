package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Error bodies in the two shapes clients parse: Graph's and the OAuth token endpoint's. */
public final class ErrorBodies {
    private static final DateTimeFormatter GRAPH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ErrorBodies() {}

    /** {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"},"details"?}}}. */
    public static ObjectNode graph(GraphError error, RequestIds ids) {
        ObjectNode root = Json.object();
        ObjectNode body = root.putObject("error");
        body.put("code", error.code());
        body.put("message", error.getMessage());
        ObjectNode inner = body.putObject("innerError");
        inner.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(GRAPH_DATE));
        inner.put("request-id", ids.requestId());
        inner.put("client-request-id", ids.clientRequestId());
        if (error.target() != null) {
            ObjectNode detail = body.putArray("details").addObject();
            detail.put("code", error.detailCode());
            detail.put("message", error.getMessage());
            detail.put("target", error.target());
        }
        return root;
    }

    /** {@code {"error","error_description","timestamp","trace_id","correlation_id"}} (RFC 6749 section 5.2). */
    public static ObjectNode oauth(String error, String description, RequestIds ids) {
        ObjectNode root = Json.object();
        root.put("error", error);
        root.put("error_description", description);
        root.put("timestamp", ZonedDateTime.now(ZoneOffset.UTC).format(GRAPH_DATE) + "Z");
        root.put("trace_id", ids.requestId());
        root.put("correlation_id", ids.clientRequestId());
        return root;
    }
}

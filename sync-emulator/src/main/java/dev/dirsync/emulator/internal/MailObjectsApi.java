package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /groups} or {@code GET /contacts}: lists with {@code $select}, {@code $top} and next
 * links, like {@code /users}. Read-only: the emulator's clients never write groups or contacts, so
 * every other call is refused.
 */
public final class MailObjectsApi {
    private final MailObjectStore store;
    private final String collection;
    private final String type;
    private final String graphBaseUrl;
    private final int pageSize;

    /**
     * @param collection the path segment, e.g. {@code groups}
     * @param type the Graph type in errors, e.g. {@code microsoft.graph.group}
     * @param graphBaseUrl the absolute base next links are built on
     * @param pageSize the largest page a listing returns
     */
    public MailObjectsApi(MailObjectStore store, String collection, String type, String graphBaseUrl, int pageSize) {
        this.store = store;
        this.collection = collection;
        this.type = type;
        this.graphBaseUrl = graphBaseUrl;
        this.pageSize = pageSize;
    }

    public String collection() {
        return collection;
    }

    /** {@code segments} starts with this collection. */
    public GraphResponse handle(GraphRequest request, String[] segments) {
        if (segments.length > 1 || !request.method().equals("GET")) {
            throw GraphError.of(
                    405,
                    "Request_BadRequest",
                    "The cloud emulator serves only GET /" + collection + " (a listing); " + request.method() + " "
                            + request.path() + " is not supported.");
        }
        MailObjectQuery query = MailObjectQuery.parse(request.rawQuery(), type);
        int limit = query.top() == null ? pageSize : Math.min(query.top(), pageSize);
        MailObjectStore.Page page = store.page(SkipToken.decode(query.skipToken()), limit);
        ObjectNode body = Json.object();
        String select = query.explicitSelect() ? "(" + String.join(",", query.select()) + ")" : "";
        body.put("@odata.context", graphBaseUrl + "/$metadata#" + collection + select);
        page.nextAfter().ifPresent(after -> body.put("@odata.nextLink", nextLink(query, after)));
        ArrayNode values = body.putArray("value");
        page.objects().forEach(object -> values.add(project(object, query)));
        return GraphResponse.json(200, body);
    }

    private static ObjectNode project(Map<String, Object> object, MailObjectQuery query) {
        ObjectNode node = Json.object();
        for (String name : query.select()) {
            Object value = object.get(name);
            node.set(name, Json.MAPPER.valueToTree(value == null ? MailObjectSchema.unsetValue(name) : value));
        }
        return node;
    }

    /** The same request with the continuation token: Graph's next links keep every other option. */
    private String nextLink(MailObjectQuery query, long after) {
        StringBuilder link =
                new StringBuilder(graphBaseUrl).append('/').append(collection).append('?');
        if (query.explicitSelect()) {
            link.append("$select=")
                    .append(URLEncoder.encode(String.join(",", query.select()), StandardCharsets.UTF_8))
                    .append('&');
        }
        if (query.top() != null) {
            link.append("$top=").append(query.top()).append('&');
        }
        return link.append("$skiptoken=").append(SkipToken.encode(after)).toString();
    }
}

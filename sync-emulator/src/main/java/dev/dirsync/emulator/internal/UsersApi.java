package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /users} and {@code /users/{id | userPrincipalName}}: list with {@code $select}, {@code
 * $top}, {@code $filter} and next links; create; get; patch; delete. Refusals are thrown as {@link
 * GraphError}.
 */
public final class UsersApi {
    private final UserStore store;
    private final String graphBaseUrl;
    private final int pageSize;

    /**
     * @param graphBaseUrl the absolute base next links are built on, e.g. {@code http://127.0.0.1:8080/v1.0}
     * @param pageSize the largest page a listing returns
     */
    public UsersApi(UserStore store, String graphBaseUrl, int pageSize) {
        this.store = store;
        this.graphBaseUrl = graphBaseUrl;
        this.pageSize = pageSize;
    }

    /** {@code segments} starts with {@code users}. */
    public GraphResponse handle(GraphRequest request, String[] segments) {
        if (segments.length == 1) {
            return switch (request.method()) {
                case "GET" -> list(UserQueryParser.forCollection(request.rawQuery()));
                case "POST" -> create(request);
                default -> throw methodNotAllowed(request);
            };
        }
        if (segments.length == 2) {
            String key = segments[1];
            return switch (request.method()) {
                case "GET" -> get(key, UserQueryParser.forItem(request.rawQuery()));
                case "PATCH" -> patch(key, request);
                case "DELETE" -> delete(key);
                default -> throw methodNotAllowed(request);
            };
        }
        throw GraphError.badRequest("Resource not found for the segment '" + segments[2] + "'.");
    }

    private GraphResponse list(UserQuery query) {
        int limit = query.top() == null ? pageSize : Math.min(query.top(), pageSize);
        UserStore.Page page = store.page(query.filter(), SkipToken.decode(query.skipToken()), limit);
        ObjectNode body = Json.object();
        body.put("@odata.context", graphBaseUrl + "/$metadata#users" + contextSelect(query));
        page.nextAfter().ifPresent(after -> body.put("@odata.nextLink", nextLink(query, after)));
        ArrayNode values = body.putArray("value");
        page.users().forEach(user -> values.add(UserProjection.project(user, query.select())));
        return GraphResponse.json(200, body);
    }

    private GraphResponse create(GraphRequest request) {
        Map<String, Object> user = store.create(UserSchema.forCreate(request.body()));
        ObjectNode body = Json.object();
        body.put("@odata.context", graphBaseUrl + "/$metadata#users/$entity");
        body.setAll(UserProjection.all(user));
        return GraphResponse.json(201, body);
    }

    private GraphResponse get(String key, UserQuery query) {
        Map<String, Object> user = store.find(key).orElseThrow(() -> GraphError.notFound(key));
        ObjectNode body = Json.object();
        body.put("@odata.context", graphBaseUrl + "/$metadata#users" + contextSelect(query) + "/$entity");
        body.setAll(UserProjection.project(user, query.select()));
        return GraphResponse.json(200, body);
    }

    private GraphResponse patch(String key, GraphRequest request) {
        Map<String, Object> changes = UserSchema.forUpdate(request.body());
        store.update(idOf(key), changes);
        return GraphResponse.noContent();
    }

    private GraphResponse delete(String key) {
        store.delete(idOf(key));
        return GraphResponse.noContent();
    }

    private String idOf(String key) {
        return (String)
                store.find(key).orElseThrow(() -> GraphError.notFound(key)).get(UserSchema.ID);
    }

    /** The same request with the continuation token: Graph's next links keep every other option. */
    private String nextLink(UserQuery query, long after) {
        StringBuilder link = new StringBuilder(graphBaseUrl).append("/users?");
        if (query.explicitSelect()) {
            link.append("$select=")
                    .append(encode(String.join(",", query.select())))
                    .append('&');
        }
        if (query.top() != null) {
            link.append("$top=").append(query.top()).append('&');
        }
        if (query.filter() != null) {
            link.append("$filter=").append(encode(query.filter().clause())).append('&');
        }
        return link.append("$skiptoken=").append(SkipToken.encode(after)).toString();
    }

    private static String contextSelect(UserQuery query) {
        return query.explicitSelect() ? "(" + String.join(",", query.select()) + ")" : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static GraphError methodNotAllowed(GraphRequest request) {
        return GraphError.of(
                405,
                "Request_BadRequest",
                "The HTTP method '" + request.method() + "' is not allowed on '" + request.path() + "'.");
    }
}

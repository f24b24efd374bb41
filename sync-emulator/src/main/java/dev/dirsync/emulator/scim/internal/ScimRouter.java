package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Routes one SCIM request below the base URL, for the HTTP handler and for each bulk operation
 * alike: {@code /ServiceProviderConfig}, {@code /Users} and {@code /Users/{id}}.
 */
public final class ScimRouter {
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private final ScimUserStore store;
    private final String baseUrl;
    private final int pageSize;
    private final ObjectNode serviceProviderConfig;

    public ScimRouter(ScimUserStore store, String baseUrl, int pageSize, ObjectNode serviceProviderConfig) {
        this.store = store;
        this.baseUrl = baseUrl;
        this.pageSize = pageSize;
        this.serviceProviderConfig = serviceProviderConfig;
    }

    /** {@code path} is below the base URL ("/Users/abc"), {@code rawQuery} still encoded or null. */
    public ScimReply route(String method, String path, String rawQuery, JsonNode body) {
        if (path.equals("/ServiceProviderConfig")) {
            requireMethod(method, path, "GET");
            return ScimReply.of(200, serviceProviderConfig);
        }
        if (path.equals("/Users")) {
            requireMethod(method, path, "GET", "POST");
            if (method.equals("GET")) {
                return list(query(rawQuery));
            }
            ObjectNode created = store.create(ScimUserSchema.normalize(body));
            return new ScimReply(201, location(created), withLocation(created));
        }
        if (path.startsWith("/Users/") && path.indexOf('/', 7) < 0 && path.length() > 7) {
            String id = path.substring(7);
            requireMethod(method, path, "GET", "PUT", "PATCH", "DELETE");
            return switch (method) {
                case "GET" -> ScimReply.of(200, withLocation(store.get(id)));
                case "PUT" -> ScimReply.of(200, withLocation(store.replace(id, ScimUserSchema.normalize(body))));
                case "PATCH" -> ScimReply.of(200, withLocation(store.patch(id, body)));
                default -> {
                    store.delete(id);
                    yield ScimReply.of(204, null);
                }
            };
        }
        throw ScimFailure.notFound("The cloud emulator serves /Users, /Users/{id}, /Bulk and /ServiceProviderConfig, "
                + "not '" + path + "'.");
    }

    private ScimReply list(Map<String, String> query) {
        Predicate<ObjectNode> filter = user -> true;
        String expression = query.get("filter");
        if (expression != null && !expression.isBlank()) {
            filter = ScimFilter.parse(expression)::matches;
        }
        int startIndex = Math.max(1, number(query, "startIndex", 1));
        int count = Math.min(pageSize, Math.max(0, number(query, "count", pageSize)));
        ScimUserStore.Page page = store.list(filter, startIndex, count);
        ObjectNode body = Json.object();
        body.putArray("schemas").add(LIST_RESPONSE);
        body.put("totalResults", page.totalResults());
        body.put("startIndex", startIndex);
        body.put("itemsPerPage", page.resources().size());
        ArrayNode resources = body.putArray("Resources");
        page.resources().forEach(user -> resources.add(withLocation(user)));
        return ScimReply.of(200, body);
    }

    private String location(ObjectNode user) {
        return baseUrl + "/Users/" + user.get("id").asText();
    }

    private ObjectNode withLocation(ObjectNode user) {
        ((ObjectNode) user.get("meta")).put("location", location(user));
        return user;
    }

    private static void requireMethod(String method, String path, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        throw new ScimFailure(405, null, "The method " + method + " is not supported on '" + path + "'.");
    }

    private static int number(Map<String, String> query, String name, int absent) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ScimFailure.invalidValue(
                    "The query parameter '" + name + "' must be a whole number, not '" + value + "'.");
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                query.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ScimFailure.invalidValue("The query parameter '" + name + "' is not validly encoded.");
            }
        }
        return query;
    }
}

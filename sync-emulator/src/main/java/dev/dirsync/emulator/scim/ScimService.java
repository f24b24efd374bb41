package dev.dirsync.emulator.scim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpHandler;
import dev.dirsync.emulator.json.Json;
import dev.dirsync.emulator.scim.internal.ScimBulk;
import dev.dirsync.emulator.scim.internal.ScimHandler;
import dev.dirsync.emulator.scim.internal.ScimRouter;
import dev.dirsync.emulator.scim.internal.ScimUserStore;
import dev.dirsync.emulator.scim.internal.ServiceProviderConfigDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for a SCIM 2.0 service (RFC 7643/7644), mounted by the cloud emulator under
 * {@value #PREFIX}. It is not a SCIM implementation for production: it answers what dirsync's SCIM
 * connector sends, in the RFC's shapes, and refuses the rest clearly.
 *
 * <ul>
 *   <li>Every request needs {@code Authorization: Bearer <token>} with the configured token; else
 *       401 with a SCIM error body.
 *   <li>{@code GET /ServiceProviderConfig}: PATCH and /Bulk supported (up to {@value #MAX_OPERATIONS}
 *       operations, {@value #MAX_PAYLOAD_BYTES} bytes), filters, index paging; no sort, etag,
 *       password change or cursors.
 *   <li>{@code GET /Users} with {@code filter=externalId|userName|id eq "..."}, {@code startIndex} and
 *       {@code count} (at most the page size); {@code POST /Users}; {@code GET/PUT/PATCH/DELETE
 *       /Users/{id}}; PATCH with add/replace/remove on attribute, sub-attribute and extension paths.
 *   <li>The User: the core attributes (userName required and unique case-insensitively: 409
 *       uniqueness), the enterprise extension and dirsync's mail-user extension
 *       {@code urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User}; other attributes are
 *       refused with 400.
 * </ul>
 *
 * <p>Its users live in memory, in a store of their own: they share nothing with the Graph users but
 * the process. Thread-safe.
 */
public final class ScimService {
    /** The path the service is mounted on. */
    public static final String PREFIX = "/scim/v2";

    public static final int MAX_OPERATIONS = 50;
    public static final int MAX_PAYLOAD_BYTES = 1_048_576;

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ScimUserStore store;
    private final HttpHandler handler;

    /**
     * @param baseUrl the service's base URL as clients see it, {@code http://127.0.0.1:PORT/scim/v2}
     * @param token the bearer token every request must carry
     * @param pageSize the largest page of {@code GET /Users}
     */
    public ScimService(String baseUrl, String token, int pageSize) {
        this.store = new ScimUserStore(Clock.systemUTC());
        ObjectNode config = ServiceProviderConfigDocument.of(baseUrl, pageSize, MAX_OPERATIONS, MAX_PAYLOAD_BYTES);
        ScimRouter router = new ScimRouter(store, baseUrl, pageSize, config);
        this.handler = new ScimHandler(
                PREFIX, token, router, new ScimBulk(router, baseUrl, MAX_OPERATIONS, MAX_PAYLOAD_BYTES));
    }

    /** The handler to mount on {@code PREFIX + "/"}. */
    public HttpHandler handler() {
        return handler;
    }

    /** The stored users in creation order, each as the map of its JSON (id, meta and all; nested values are maps and lists). */
    public List<Map<String, Object>> users() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (ObjectNode user : store.snapshot()) {
            users.add(Map.copyOf(Json.MAPPER.convertValue(user, JSON_OBJECT)));
        }
        return List.copyOf(users);
    }
}

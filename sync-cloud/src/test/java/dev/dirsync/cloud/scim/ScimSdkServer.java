package dev.dirsync.cloud.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.EndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ResourceTypeFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An independent SCIM 2.0 service for end-to-end tests: the SCIM SDK's {@link ResourceEndpoint}
 * with the User resource type (core schema, the enterprise extension and dirsync's mail-user
 * extension from test resources) over {@link InMemoryUserHandler}, served by the JDK HTTP server
 * on 127.0.0.1 under {@code /scim/v2}, behind a bearer token.
 */
final class ScimSdkServer implements AutoCloseable {
    static final String BASE_PATH = "/scim/v2";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ResourceEndpoint endpoint;
    private final InMemoryUserHandler users = new InMemoryUserHandler();
    private final byte[] token;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByMethod = new java.util.concurrent.ConcurrentHashMap<>();

    private ScimSdkServer(boolean patch, int bulkMaxOperations, int filterMaxResults, String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        ServiceProvider provider = ServiceProvider.builder()
                .patchConfig(PatchConfig.builder().supported(patch).build())
                .bulkConfig(BulkConfig.builder()
                        .supported(bulkMaxOperations > 0)
                        .maxOperations(Math.max(1, bulkMaxOperations))
                        .maxPayloadSize(1_048_576L)
                        .build())
                .filterConfig(FilterConfig.builder()
                        .supported(true)
                        .maxResults(filterMaxResults)
                        .build())
                .sortConfig(SortConfig.builder().supported(false).build())
                .changePasswordConfig(
                        ChangePasswordConfig.builder().supported(false).build())
                .eTagConfig(ETagConfig.builder().supported(false).build())
                .authenticationSchemes(List.of(AuthenticationScheme.builder()
                        .type("oauthbearertoken")
                        .name("Bearer")
                        .description("a static bearer token")
                        .build()))
                .build();
        this.endpoint = new ResourceEndpoint(provider);
        ResourceType userType = endpoint.registerEndpoint(new EndpointDefinition(
                json("/scim/user-resource-type.json"),
                JsonHelper.loadJsonDocument("/de/captaingoldfish/scim/sdk/common/schemas/users.json"),
                List.of(
                        JsonHelper.loadJsonDocument("/de/captaingoldfish/scim/sdk/common/schemas/enterprise-user.json"),
                        json("/scim/mailuser-schema.json")),
                users));
        userType.setFeatures(ResourceTypeFeatures.builder()
                .autoFiltering(true)
                .autoSorting(false)
                .build());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(BASE_PATH, this::handle);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.start();
    }

    /** PATCH supported, /Bulk of up to {@code bulkMaxOperations} (0: none), pages of at most {@code filterMaxResults}. */
    static ScimSdkServer start(boolean patch, int bulkMaxOperations, int filterMaxResults, String token) {
        return new ScimSdkServer(patch, bulkMaxOperations, filterMaxResults, token);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    List<User> users() {
        return users.users();
    }

    /** Seeds a user directly into the store, as if someone else had created it. */
    User add(User user) {
        return users.add(user);
    }

    int requests(String method) {
        return requestsByMethod.getOrDefault(method, new AtomicInteger()).get();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            requestsByMethod
                    .computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger())
                    .incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null
                    || !MessageDigest.isEqual(
                            ("Bearer " + new String(token, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                            authorization.getBytes(StandardCharsets.UTF_8))) {
                send(
                        exchange,
                        401,
                        Map.of("Content-Type", "application/scim+json"),
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\","
                                + "\"detail\":\"bearer token required\"}");
                return;
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String query = exchange.getRequestURI().getRawQuery();
            String url = "http://127.0.0.1:" + server.getAddress().getPort()
                    + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            ScimResponse response = endpoint.handleRequest(
                    url,
                    HttpMethod.valueOf(exchange.getRequestMethod()),
                    body.length == 0 ? null : new String(body, StandardCharsets.UTF_8),
                    headers,
                    null);
            send(
                    exchange,
                    response.getHttpStatus(),
                    response.getHttpHeaders(),
                    response.isEmpty() ? null : response.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        if (body == null || status == 204) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode json(String resource) {
        return JsonHelper.loadJsonDocument(resource);
    }
}

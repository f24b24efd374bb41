package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /Bulk} (RFC 7644 section 3.7): up to maxOperations operations in at most
 * maxPayloadSize bytes (else 413), each routed like a request of its own and answered with its
 * method, bulkId, location and status (as a string), plus the error body when it failed. With
 * failOnErrors, processing stops once that many operations failed. bulkId references inside data
 * ({@code "bulkId:..."}) are not resolved.
 */
public final class ScimBulk {
    public static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ScimRouter router;
    private final String baseUrl;
    private final int maxOperations;
    private final long maxPayloadSize;

    public ScimBulk(ScimRouter router, String baseUrl, int maxOperations, long maxPayloadSize) {
        this.router = router;
        this.baseUrl = baseUrl;
        this.maxOperations = maxOperations;
        this.maxPayloadSize = maxPayloadSize;
    }

    public ScimReply handle(int payloadBytes, JsonNode body) {
        if (payloadBytes > maxPayloadSize) {
            throw new ScimFailure(
                    413, null, "The size of the bulk operation exceeds the maxPayloadSize (" + maxPayloadSize + ").");
        }
        if (body == null || !body.isObject() || !lists(body.get("schemas"))) {
            throw ScimFailure.invalidSyntax(
                    "A bulk body is a BulkRequest: \"schemas\" must list '" + BULK_REQUEST + "'.");
        }
        JsonNode operations = body.get("Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimFailure.invalidSyntax("A BulkRequest needs an \"Operations\" array.");
        }
        if (operations.size() > maxOperations) {
            throw new ScimFailure(
                    413, null, "The number of operations exceeds the maxOperations (" + maxOperations + ").");
        }
        int failOnErrors = failOnErrors(body.get("failOnErrors"));
        ObjectNode response = Json.object();
        response.putArray("schemas").add(BULK_RESPONSE);
        ArrayNode results = response.putArray("Operations");
        int errors = 0;
        for (JsonNode operation : operations) {
            ObjectNode result = perform(operation);
            results.add(result);
            if (Integer.parseInt(result.get("status").asText()) >= 400) {
                errors++;
                if (failOnErrors > 0 && errors >= failOnErrors) {
                    break;
                }
            }
        }
        return ScimReply.of(200, response);
    }

    private ObjectNode perform(JsonNode operation) {
        ObjectNode result = Json.object();
        String method = operation.path("method").asText("").toUpperCase(Locale.ROOT);
        result.put("method", method);
        String bulkId = operation.hasNonNull("bulkId") ? operation.get("bulkId").asText() : null;
        if (bulkId != null) {
            result.put("bulkId", bulkId);
        }
        try {
            if (!METHODS.contains(method)) {
                throw ScimFailure.invalidSyntax("A bulk operation's method is POST, PUT, PATCH or DELETE, not '"
                        + operation.path("method").asText() + "'.");
            }
            String path = operation.path("path").asText("");
            if (!path.startsWith("/Users")) {
                throw ScimFailure.invalidValue(
                        "A bulk operation's path must be /Users or /Users/{id}, not '" + path + "'.");
            }
            if (method.equals("POST") && (bulkId == null || bulkId.isBlank())) {
                throw ScimFailure.invalidSyntax("A POST bulk operation needs a bulkId.");
            }
            ScimReply reply = router.route(method, path, null, operation.get("data"));
            if (reply.location() != null) {
                result.put("location", reply.location());
            } else if (!method.equals("POST")) {
                result.put("location", baseUrl + path);
            }
            JsonNode version =
                    reply.body() == null ? null : reply.body().path("meta").get("version");
            if (version != null) {
                result.set("version", version);
            }
            result.put("status", Integer.toString(reply.status()));
        } catch (ScimFailure failure) {
            result.put("status", Integer.toString(failure.status()));
            result.set("response", failure.body());
        }
        return result;
    }

    private static boolean lists(JsonNode schemas) {
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                if (BULK_REQUEST.equalsIgnoreCase(schema.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int failOnErrors(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToInt() || value.asInt() < 1) {
            throw ScimFailure.invalidValue("failOnErrors must be a whole number of at least 1.");
        }
        return value.asInt();
    }
}

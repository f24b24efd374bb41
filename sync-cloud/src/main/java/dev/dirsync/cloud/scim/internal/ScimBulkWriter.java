package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.HttpReply;
import dev.dirsync.cloud.internal.RetryGuard;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies changes through {@code /Bulk} (RFC 7644 section 3.7), as many per request as the
 * service's maxOperations and maxPayloadSize allow. Every operation carries a bulkId
 * ({@code op<n>}) by which its result is found; failOnErrors is not sent, so the service applies
 * each operation on its own. What bulk cannot settle goes through {@link ScimUserWriter} one by one:
 * <ul>
 *   <li>an operation alone over maxPayloadSize, or a chunk of one: sent as a single request;
 *   <li>the bulk request timed out or failed with a server error (it may have been applied): every
 *       change of it is sent alone, creates looked up by externalId first;
 *   <li>413 or another refusal of the whole request: its changes are sent alone; 404, 405 and 501
 *       also stop using /Bulk for the rest of the run;
 *   <li>an operation answered 429 or 5xx, or missing from the response: sent alone (creates after
 *       a look-up when the service may have applied them).
 * </ul>
 */
public final class ScimBulkWriter {
    private static final Logger log = LoggerFactory.getLogger(ScimBulkWriter.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ENVELOPE_BYTES = ScimJson.bytes(envelope(NODES.arrayNode())).length;

    /** The bulk request may have been applied: settle it, then send each change on its own. */
    private static final String AMBIGUOUS = "ambiguous";

    private final ScimHttp http;
    private final ScimEndpoints endpoints;
    private final ScimUserWriter single;
    private final Supplier<ProviderConfig> config;
    private boolean refusedByService;

    public ScimBulkWriter(
            ScimHttp http, ScimEndpoints endpoints, ScimUserWriter single, Supplier<ProviderConfig> config) {
        this.http = http;
        this.endpoints = endpoints;
        this.single = single;
        this.config = config;
    }

    /** Whether /Bulk is to be used: advertised, and not refused by the service during this run. */
    public boolean active() {
        return config.get().useBulk() && !refusedByService;
    }

    public void apply(List<Change> changes, Consumer<ChangeResult> results) {
        ProviderConfig provider = config.get();
        List<ObjectNode> operations = new ArrayList<>(changes.size());
        int[] sizes = new int[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            ObjectNode operation = operation("op" + (i + 1), UserWrite.of(changes.get(i), provider.patch()));
            operations.add(operation);
            sizes[i] = ScimJson.bytes(operation).length;
        }
        for (List<Integer> chunk :
                BulkChunks.split(sizes, ENVELOPE_BYTES, provider.bulkMaxOperations(), provider.maxPayload())) {
            List<Change> chunkChanges = new ArrayList<>(chunk.size());
            List<ObjectNode> chunkOperations = new ArrayList<>(chunk.size());
            for (int index : chunk) {
                chunkChanges.add(changes.get(index));
                chunkOperations.add(operations.get(index));
            }
            if (chunk.size() == 1 || refusedByService) {
                chunkChanges.forEach(change -> results.accept(alone(change)));
            } else {
                send(chunkChanges, chunkOperations, results);
            }
        }
    }

    private void send(List<Change> changes, List<ObjectNode> operations, Consumer<ChangeResult> results) {
        if (Thread.currentThread().isInterrupted()) {
            changes.forEach(change -> results.accept(ScimOutcomes.interrupted(change)));
            return;
        }
        ArrayNode array = NODES.arrayNode();
        operations.forEach(array::add);
        RetryGuard<String> settle = cause -> cause.outcomeUnknown() ? Optional.of(AMBIGUOUS) : Optional.empty();
        Exchange<String> exchange = http.send(http.post(endpoints.bulk(), envelope(array)), settle);
        if (exchange instanceof Exchange.Settled<String>) {
            log.info("bulk request of {} operations may have been applied; sending each on its own", changes.size());
            changes.forEach(
                    change -> results.accept(afterAmbiguity(change, "a bulk request that may have been applied")));
            return;
        }
        if (exchange instanceof Exchange.GaveUp<String> gaveUp) {
            changes.forEach(
                    change -> results.accept(ScimUserWriter.logged(change, ScimOutcomes.retryable(change, gaveUp))));
            return;
        }
        HttpReply reply = ((Exchange.Answered<String>) exchange).reply();
        if (reply.status() == 401) {
            throw http.refused(reply);
        }
        if (!reply.successful()) {
            ScimError error = ScimError.of(reply);
            if (reply.status() == 404 || reply.status() == 405 || reply.status() == 501) {
                refusedByService = true;
                log.warn("the service refused /Bulk ({}); sending single requests from now on", error.summary());
            } else {
                log.warn(
                        "bulk request of {} operations refused ({}); sending each on its own",
                        changes.size(),
                        error.summary());
            }
            changes.forEach(change -> results.accept(alone(change)));
            return;
        }
        Map<String, JsonNode> answers = answers(reply);
        if (answers == null) {
            changes.forEach(
                    change -> results.accept(afterAmbiguity(change, reply.describe() + " without readable results")));
            return;
        }
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            JsonNode answer = answers.get(operations.get(i).get("bulkId").asText());
            results.accept(
                    answer == null
                            ? afterAmbiguity(change, "no result for it in the bulk response")
                            : result(change, answer, reply.url()));
        }
    }

    private ChangeResult result(Change change, JsonNode answer, HttpUrl url) {
        int status = status(answer.get("status"));
        if (status >= 200 && status < 300) {
            return ScimUserWriter.logged(change, succeeded(change, answer));
        }
        if (change instanceof Change.Remove && status == 404) {
            return ScimUserWriter.logged(change, ChangeResult.ok(change, ((Change.Remove) change).cloudId()));
        }
        if (status == 0 || HttpPolicy.isPassing(status)) {
            String why = "its bulk operation answered " + (status == 0 ? "no status" : "status " + status);
            return status == 429 ? alone(change) : afterAmbiguity(change, why);
        }
        String where = "bulk operation " + answer.path("bulkId").asText() + " at " + url;
        return ScimUserWriter.logged(
                change, ScimOutcomes.refused(change, ScimError.ofBulkOperation(status, answer.get("response"), where)));
    }

    private static ChangeResult succeeded(Change change, JsonNode answer) {
        if (change instanceof Change.Update update) {
            return ChangeResult.ok(change, update.cloudId());
        }
        if (change instanceof Change.Remove remove) {
            return ChangeResult.ok(change, remove.cloudId());
        }
        Optional<String> id = ScimUserJson.id(answer.path("response"));
        if (id.isEmpty()) {
            id = lastSegment(ScimJson.text(answer, "location"));
        }
        return id.map(value -> ChangeResult.ok(change, value))
                .orElseGet(() -> ChangeResult.failed(
                        change, Outcome.RETRYABLE, "NO_ID", "the bulk response names no id for the created user"));
    }

    private ChangeResult alone(Change change) {
        return Thread.currentThread().isInterrupted() ? ScimOutcomes.interrupted(change) : single.apply(change);
    }

    private ChangeResult afterAmbiguity(Change change, String cause) {
        return Thread.currentThread().isInterrupted()
                ? ScimOutcomes.interrupted(change)
                : single.applyAfterAmbiguousFailure(change, cause);
    }

    /** The operations' results by bulkId; null when the body is not a readable BulkResponse. */
    private static Map<String, JsonNode> answers(HttpReply reply) {
        JsonNode body;
        try {
            body = ScimJson.tree(reply.body());
        } catch (IOException e) {
            log.warn("{}: unreadable bulk response: {}", reply.describe(), e.getMessage());
            return null;
        }
        JsonNode operations = body.path("Operations");
        if (!operations.isArray()) {
            log.warn("{}: a bulk response without \"Operations\"", reply.describe());
            return null;
        }
        Map<String, JsonNode> answers = new HashMap<>();
        for (JsonNode answer : operations) {
            String bulkId = ScimJson.text(answer, "bulkId");
            if (bulkId != null) {
                answers.putIfAbsent(bulkId, answer);
            }
        }
        return answers;
    }

    /** RFC 7644 writes the status as a string ("201"); some services write a number. */
    private static int status(JsonNode status) {
        if (status == null) {
            return 0;
        }
        if (status.isNumber()) {
            return status.asInt();
        }
        String text = status.asText().strip();
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 || end > 3 ? 0 : Integer.parseInt(text.substring(0, end));
    }

    private static Optional<String> lastSegment(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(location);
        List<String> segments = url != null ? url.pathSegments() : List.of(location.split("/"));
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!segments.get(i).isBlank()) {
                return Optional.of(segments.get(i));
            }
        }
        return Optional.empty();
    }

    private static ObjectNode operation(String bulkId, UserWrite write) {
        ObjectNode operation = NODES.objectNode();
        operation.put("method", write.method());
        operation.put("bulkId", bulkId);
        operation.put("path", ScimEndpoints.bulkPath(write.id()));
        if (write.body() != null) {
            operation.set("data", write.body());
        }
        return operation;
    }

    private static ObjectNode envelope(ArrayNode operations) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add(ScimSchemas.BULK_REQUEST);
        body.set("Operations", operations);
        return body;
    }
}

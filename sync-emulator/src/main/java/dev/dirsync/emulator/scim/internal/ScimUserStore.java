package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The SCIM users, in memory, in creation order; its own store, separate from the Graph users.
 * userName is unique case-insensitively (409 uniqueness). Stored resources carry their id and meta
 * (created, lastModified, version); location is added on the way out. Thread-safe.
 */
public final class ScimUserStore {
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Clock clock;
    private long version;

    public ScimUserStore(Clock clock) {
        this.clock = clock;
    }

    /** A page of the users {@code filter} accepts, from {@code startIndex} (1-based), at most {@code count}. */
    public record Page(int totalResults, List<ObjectNode> resources) {}

    public synchronized ObjectNode create(ObjectNode resource) {
        checkUnique(resource, null);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        ObjectNode stored = withIdAndMeta(resource, id, now, now);
        users.put(id, stored);
        return stored.deepCopy();
    }

    public synchronized ObjectNode get(String id) {
        return existing(id).deepCopy();
    }

    /** PUT: the whole resource replaced, id and created kept. */
    public synchronized ObjectNode replace(String id, ObjectNode resource) {
        ObjectNode old = existing(id);
        checkUnique(resource, id);
        Instant created = Instant.parse(old.path("meta").path("created").asText());
        ObjectNode stored = withIdAndMeta(resource, id, created, clock.instant());
        users.put(id, stored);
        return stored.deepCopy();
    }

    /** PATCH: {@code patch} applied to the stored user, the result validated like a PUT body. */
    public synchronized ObjectNode patch(String id, JsonNode patch) {
        ObjectNode patched = ScimPatcher.apply(existing(id), patch);
        return replace(id, ScimUserSchema.normalize(patched));
    }

    public synchronized void delete(String id) {
        existing(id);
        users.remove(id);
    }

    public synchronized Page list(Predicate<ObjectNode> filter, int startIndex, int count) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode user : users.values()) {
            if (filter.test(user)) {
                matching.add(user);
            }
        }
        List<ObjectNode> page = new ArrayList<>();
        for (int i = startIndex - 1; i >= 0 && i < matching.size() && page.size() < count; i++) {
            page.add(matching.get(i).deepCopy());
        }
        return new Page(matching.size(), page);
    }

    /** Every user as stored, in creation order. */
    public synchronized List<ObjectNode> snapshot() {
        List<ObjectNode> copies = new ArrayList<>();
        users.values().forEach(user -> copies.add(user.deepCopy()));
        return copies;
    }

    private ObjectNode existing(String id) {
        ObjectNode user = users.get(id);
        if (user == null) {
            throw ScimFailure.notFound("Resource " + id + " not found.");
        }
        return user;
    }

    private void checkUnique(ObjectNode resource, String exceptId) {
        String userName = resource.path("userName").asText();
        for (Map.Entry<String, ObjectNode> entry : users.entrySet()) {
            if (!entry.getKey().equals(exceptId)
                    && entry.getValue().path("userName").asText().equalsIgnoreCase(userName)) {
                throw new ScimFailure(
                        409, "uniqueness", "The userName '" + userName + "' is already in use by another User.");
            }
        }
    }

    private ObjectNode withIdAndMeta(ObjectNode resource, String id, Instant created, Instant lastModified) {
        ObjectNode stored = Json.object();
        stored.set("schemas", resource.get("schemas"));
        stored.put("id", id);
        resource.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("schemas")) {
                stored.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        ObjectNode meta = stored.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("version", "W/\"" + (++version) + "\"");
        return stored;
    }
}

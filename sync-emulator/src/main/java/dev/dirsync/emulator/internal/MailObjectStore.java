package dev.dirsync.emulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The groups or the organizational contacts, in the order they were added. Read-only over Graph:
 * they are seeded, never written by a client. Thread-safe; every addition bumps the version.
 */
public final class MailObjectStore {
    /** One page of a listing; {@code nextAfter} is present when more objects follow. */
    public record Page(List<Map<String, Object>> objects, OptionalLong nextAfter) {}

    /** The objects at one version, in order. */
    public record Snapshot(long version, List<Map<String, Object>> objects) {}

    private final TreeMap<Long, Map<String, Object>> bySequence = new TreeMap<>();
    private final Map<String, Long> sequenceById = new HashMap<>();
    private long nextSequence = 1;
    private long version;

    /** Adds objects read from the store file (ids included); a repeated id is an error. */
    public synchronized void load(List<Map<String, Object>> objects) {
        for (Map<String, Object> object : objects) {
            if (object.get(MailObjectSchema.ID) == null) {
                throw GraphError.required(MailObjectSchema.ID);
            }
            if (sequenceById.containsKey((String) object.get(MailObjectSchema.ID))) {
                throw GraphError.conflict(MailObjectSchema.ID);
            }
            insert(object);
        }
    }

    /** Stores {@code properties} (no id) under a fresh id and returns the stored object. */
    public synchronized Map<String, Object> add(Map<String, Object> properties) {
        if (properties.containsKey(MailObjectSchema.ID)) {
            throw GraphError.readOnly(MailObjectSchema.ID);
        }
        Map<String, Object> values = new HashMap<>(properties);
        values.put(MailObjectSchema.ID, UUID.randomUUID().toString());
        Map<String, Object> object = MailObjectSchema.ordered(values);
        insert(object);
        version++;
        return object;
    }

    /** Up to {@code limit} objects after position {@code after}, in order. */
    public synchronized Page page(long after, int limit) {
        List<Map<String, Object>> objects = new ArrayList<>();
        Long last = null;
        for (Map.Entry<Long, Map<String, Object>> entry :
                bySequence.tailMap(after, false).entrySet()) {
            if (objects.size() == limit) {
                return new Page(objects, OptionalLong.of(last));
            }
            objects.add(entry.getValue());
            last = entry.getKey();
        }
        return new Page(objects, OptionalLong.empty());
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(version, List.copyOf(bySequence.values()));
    }

    private void insert(Map<String, Object> object) {
        long sequence = nextSequence++;
        bySequence.put(sequence, object);
        sequenceById.put((String) object.get(MailObjectSchema.ID), sequence);
    }
}

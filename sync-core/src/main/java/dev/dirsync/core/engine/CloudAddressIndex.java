package dev.dirsync.core.engine;

import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.rules.UniqueKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unique values every cloud object holds (users with or without an anchor, groups, contacts),
 * as keys to their holder, for a full run's check before a create or an address change. A value
 * two cloud objects hold keeps the first listed.
 */
final class CloudAddressIndex {
    /** One cloud object, as a finding names it. */
    record Holder(String cloudId, String kind, boolean anchored, String name) {
        String describe() {
            return "cloud " + kind + " " + (name == null ? cloudId : name + " (" + cloudId + ")");
        }
    }

    private final Map<Long, Integer> holderOf = new HashMap<>();
    private final List<Holder> holders = new ArrayList<>();
    private final Map<String, String> anchoredNames = new HashMap<>();

    void put(CloudAddresses object) {
        int ordinal = holders.size();
        holders.add(new Holder(object.cloudId(), object.kind(), object.anchor() != null, object.name()));
        for (long key : UniqueKeys.of(object)) {
            holderOf.putIfAbsent(key, ordinal);
        }
        if (object.anchor() != null && object.name() != null) {
            anchoredNames.put(object.cloudId(), object.name());
        }
    }

    Optional<Holder> holder(long key) {
        Integer ordinal = holderOf.get(key);
        return ordinal == null ? Optional.empty() : Optional.of(holders.get(ordinal));
    }

    /** The name of an anchored cloud user (its user principal name), if listed. */
    Optional<String> nameOf(String cloudId) {
        return Optional.ofNullable(anchoredNames.get(cloudId));
    }

    int size() {
        return holders.size();
    }
}

package dev.dirsync.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable attribute values of one directory object, names compared case-insensitively (as LDAP
 * does), values in the order the directory returned them. Binary attributes are not kept here; the
 * source decodes what it needs (the anchor) itself.
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Map.of());

    /** Keyed by lower-case name; the entry's key keeps the name as first given. */
    private final Map<String, Map.Entry<String, List<String>>> byLowerName;

    private Attributes(Map<String, Map.Entry<String, List<String>>> byLowerName) {
        this.byLowerName = byLowerName;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    public static Attributes of(Map<String, ? extends List<String>> values) {
        Builder builder = builder();
        values.forEach(builder::putAll);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value, if any. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value or null. */
    public String firstOrNull(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        Map.Entry<String, List<String>> entry = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? List.of() : entry.getValue();
    }

    public boolean has(String name) {
        return !all(name).isEmpty();
    }

    /** Attribute names as first given. */
    public Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>();
        byLowerName.values().forEach(e -> names.add(e.getKey()));
        return Collections.unmodifiableSet(names);
    }

    /** A copy with {@code name} replaced by {@code values} (removed when empty). */
    public Attributes with(String name, List<String> values) {
        Builder builder = toBuilder();
        builder.remove(name);
        builder.putAll(name, values);
        return builder.build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        byLowerName.values().forEach(e -> builder.putAll(e.getKey(), e.getValue()));
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes other && byLowerName.equals(other.byLowerName);
    }

    @Override
    public int hashCode() {
        return byLowerName.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        byLowerName
                .values()
                .forEach(e ->
                        out.append(e.getKey()).append('=').append(e.getValue()).append(", "));
        if (out.length() > 1) {
            out.setLength(out.length() - 2);
        }
        return out.append('}').toString();
    }

    public static final class Builder {
        private final Map<String, Map.Entry<String, List<String>>> values = new LinkedHashMap<>();

        public Builder add(String name, String value) {
            if (value == null) {
                return this;
            }
            String key = name.toLowerCase(Locale.ROOT);
            Map.Entry<String, List<String>> entry = values.get(key);
            List<String> list = entry == null ? new ArrayList<>() : new ArrayList<>(entry.getValue());
            list.add(value);
            values.put(key, Map.entry(entry == null ? name : entry.getKey(), list));
            return this;
        }

        public Builder putAll(String name, List<String> list) {
            for (String value : list) {
                add(name, value);
            }
            return this;
        }

        public Builder remove(String name) {
            values.remove(name.toLowerCase(Locale.ROOT));
            return this;
        }

        public Attributes build() {
            Map<String, Map.Entry<String, List<String>>> copy = new LinkedHashMap<>();
            values.forEach((k, e) -> copy.put(k, Map.entry(e.getKey(), List.copyOf(e.getValue()))));
            return copy.isEmpty() ? EMPTY : new Attributes(Collections.unmodifiableMap(copy));
        }
    }
}

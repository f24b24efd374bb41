package dev.dirsync.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.Secret;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping with its key path, reading typed values and recording every problem (wrong type,
 * unknown key, missing key) with the full key path instead of failing at the first one.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final ReferenceResolver resolver;

    ConfigNode(JsonNode node, String path, Problems problems, ReferenceResolver resolver) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.resolver = resolver;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node != null && node.hasNonNull(key);
    }

    /** A nested mapping; an absent one reads as empty. */
    ConfigNode child(String key) {
        JsonNode child = node == null ? null : node.get(key);
        if (child != null && !child.isNull() && !child.isObject()) {
            problems.add(path(key), "must be a mapping of keys");
            child = null;
        }
        return new ConfigNode(child == null || child.isNull() ? null : child, path(key), problems, resolver);
    }

    String text(String key, String defaultValue) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isValueNode() || value.isBinary()) {
            problems.add(path(key), "must be a single value");
            return defaultValue;
        }
        return resolver.resolvePlain(value.asText(), path(key), problems);
    }

    String requiredText(String key) {
        String value = text(key, null);
        if (value == null || value.isBlank()) {
            problems.add(path(key), "is required");
        }
        return value;
    }

    Secret secret(String key, boolean required) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path(key), "is required");
            }
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(path(key), "must be a single value");
            return null;
        }
        return resolver.resolveSecret(value.asText(), path(key), problems);
    }

    int integer(String key, int defaultValue, int min, int max) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        String text = resolver.resolvePlain(value.asText(), path(key), problems);
        try {
            int parsed = Integer.parseInt(text.trim());
            if (parsed < min || parsed > max) {
                problems.add(path(key), "must be between " + min + " and " + max + ", " + got(key, parsed));
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(path(key), "must be a whole number, " + got(key, "'" + text + "'"));
            return defaultValue;
        }
    }

    boolean bool(String key, boolean defaultValue) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        String text = resolver.resolvePlain(value.asText(), path(key), problems).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add(path(key), "must be true or false, " + got(key, "'" + text + "'"));
        return defaultValue;
    }

    /**
     * How a problem shows the value of {@code key}: {@code "got " + shown} for a value written in
     * the file; a value that came through a reference may be a secret put in the wrong key, so then
     * only the reference is named, never what it resolved to.
     */
    String got(String key, Object shown) {
        List<String> references = ReferenceResolver.references(raw(key));
        return references.isEmpty()
                ? "got " + shown
                : "got the value of " + String.join(", ", references) + " (not shown)";
    }

    /** Whether the value of {@code key} is or holds a reference. */
    boolean referenced(String key) {
        return !ReferenceResolver.references(raw(key)).isEmpty();
    }

    /** The text of {@code key} as written in the file: a value, or a list's values joined. */
    private String raw(String key) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(" ", items);
        }
        return value.asText();
    }

    /** A single value or a list of values. */
    List<String> textList(String key) {
        JsonNode value = node == null ? null : node.get(key);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isValueNode()) {
                    problems.add(path(key) + "[" + i + "]", "must be a single value");
                } else {
                    result.add(resolver.resolvePlain(item.asText(), path(key) + "[" + i + "]", problems));
                }
            }
        } else if (value.isValueNode()) {
            result.add(resolver.resolvePlain(value.asText(), path(key), problems));
        } else {
            problems.add(path(key), "must be a value or a list of values");
        }
        return result;
    }

    /** A mapping of plain values, in file order. */
    Map<String, String> textMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        ConfigNode child = child(key);
        if (child.node == null) {
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = child.node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            result.put(field.getKey(), child.text(field.getKey(), null));
        }
        return result;
    }

    /** Records every key of this mapping that is not in {@code known}. */
    void rejectUnknown(List<String> known) {
        if (node == null) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(path(name), "unknown key (expected one of " + String.join(", ", known) + ")");
            }
        }
    }
}

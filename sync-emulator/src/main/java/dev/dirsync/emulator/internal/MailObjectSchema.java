package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The properties the emulator keeps of a group or an organizational contact: id, displayName, mail
 * and proxyAddresses, the ones that hold addresses. Stored objects are immutable maps in that
 * order; values are {@link String} or an immutable {@code List<String>}; unset properties are
 * absent.
 */
public final class MailObjectSchema {
    public static final String ID = "id";
    public static final String DISPLAY_NAME = "displayName";
    public static final String MAIL = "mail";
    public static final String PROXY_ADDRESSES = "proxyAddresses";
    /** Every property, in stored order; also what a listing without {@code $select} shows. */
    public static final List<String> PROPERTIES = List.of(ID, DISPLAY_NAME, MAIL, PROXY_ADDRESSES);

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private MailObjectSchema() {}

    /**
     * An object as the store file or a seeding call holds it; {@code resource} (e.g. {@code Group})
     * names it in errors.
     */
    public static Map<String, Object> read(JsonNode node, String resource) {
        if (node == null || !node.isObject()) {
            throw GraphError.badRequest("A " + resource + " must be a JSON object.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!PROPERTIES.contains(name)) {
                throw GraphError.unknownProperty(name, resource);
            }
            if (value.isNull()) {
                continue;
            }
            values.put(name, name.equals(PROXY_ADDRESSES) ? proxies(value, resource) : text(name, value, resource));
        }
        Object mail = values.get(MAIL);
        if (mail != null && !ADDRESS.matcher((String) mail).matches()) {
            throw GraphError.invalidValue(MAIL, resource);
        }
        return ordered(values);
    }

    /** The canonical name of a property a query may name (case-insensitive). */
    public static Optional<String> canonicalName(String name) {
        return PROPERTIES.stream().filter(name::equalsIgnoreCase).findFirst();
    }

    /** The value a projection shows for an unset property: proxyAddresses as empty, not null. */
    public static Object unsetValue(String name) {
        return name.equals(PROXY_ADDRESSES) ? List.of() : null;
    }

    /** {@code values} as an immutable map in declaration order. */
    public static Map<String, Object> ordered(Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : PROPERTIES) {
            if (values.containsKey(name)) {
                ordered.put(name, values.get(name));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    private static String text(String name, JsonNode value, String resource) {
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 256) {
            throw GraphError.invalidValue(name, resource);
        }
        return value.asText();
    }

    private static List<String> proxies(JsonNode value, String resource) {
        if (!value.isArray()) {
            throw GraphError.invalidValue(PROXY_ADDRESSES, resource);
        }
        List<String> proxies = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()
                    || !UserSchema.PROXY_ADDRESS.matcher(item.asText()).matches()) {
                throw GraphError.invalidValue(PROXY_ADDRESSES, resource);
            }
            proxies.add(item.asText());
        }
        return List.copyOf(proxies);
    }
}

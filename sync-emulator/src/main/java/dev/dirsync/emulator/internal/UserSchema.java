package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The user properties the emulator keeps, their types and Graph's limits, and the validation of
 * request bodies against them. Stored users are immutable maps with {@code id} first and the
 * remaining properties in declaration order; values are {@link String}, {@link Boolean} or an
 * immutable {@code List<String>}; unset properties are absent.
 */
public final class UserSchema {
    public static final String ID = "id";
    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    public static final String IMMUTABLE_ID = "onPremisesImmutableId";
    public static final String MAIL = "mail";
    /** Read-only in requests, as in Graph: kept from the store file and derived from mail. */
    public static final String PROXY_ADDRESSES = "proxyAddresses";

    public static final String PASSWORD_PROFILE = "passwordProfile";

    /** What Graph returns for a user when the request has no {@code $select}. */
    public static final List<String> DEFAULT_SELECT =
            List.of(ID, "displayName", "givenName", "surname", MAIL, USER_PRINCIPAL_NAME);

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    /** A proxy address: its type, a colon, the address ({@code SMTP:a@b.example}, {@code X500:/o=...}). */
    static final Pattern PROXY_ADDRESS = Pattern.compile("[A-Za-z0-9]+:\\S.*");

    private static final Pattern NICKNAME = Pattern.compile("[^@()\\\\\\[\\]\";:<>,\\s]+");

    private enum Type {
        BOOLEAN,
        STRING,
        STRING_LIST
    }

    private record Property(String name, Type type, int maxLength, Predicate<String> shape, boolean required) {}

    private static final Map<String, Property> PROPERTIES = declare(
            new Property("accountEnabled", Type.BOOLEAN, 0, s -> true, true),
            new Property("displayName", Type.STRING, 256, s -> true, true),
            new Property("givenName", Type.STRING, 64, s -> true, false),
            new Property("surname", Type.STRING, 64, s -> true, false),
            new Property(
                    "mailNickname", Type.STRING, 64, s -> NICKNAME.matcher(s).matches(), true),
            new Property(MAIL, Type.STRING, 256, s -> ADDRESS.matcher(s).matches(), false),
            new Property(
                    "otherMails", Type.STRING_LIST, 256, s -> ADDRESS.matcher(s).matches(), false),
            new Property(
                    PROXY_ADDRESSES,
                    Type.STRING_LIST,
                    1024,
                    s -> PROXY_ADDRESS.matcher(s).matches(),
                    false),
            new Property(
                    USER_PRINCIPAL_NAME,
                    Type.STRING,
                    113,
                    s -> ADDRESS.matcher(s).matches(),
                    true),
            new Property(
                    "usageLocation", Type.STRING, 2, s -> COUNTRY.matcher(s).matches(), false),
            new Property(IMMUTABLE_ID, Type.STRING, 256, s -> true, false));

    private static final Set<String> PASSWORD_PROFILE_FLAGS =
            Set.of("forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa");

    /** Lower-case name to canonical name, for query options (Graph matches them case-insensitively). */
    private static final Map<String, String> SELECTABLE = selectable();

    private UserSchema() {}

    /** The properties of a new user (no id yet); requires the properties Graph requires. */
    public static Map<String, Object> forCreate(JsonNode body) {
        Map<String, Object> values = readProperties(requireObject(body), true);
        for (Property property : PROPERTIES.values()) {
            if (property.required() && values.get(property.name()) == null) {
                throw GraphError.required(property.name());
            }
        }
        values.values().removeIf(value -> value == null);
        return values;
    }

    /** The changes of a PATCH: a {@code null} value clears the property. */
    public static Map<String, Object> forUpdate(JsonNode body) {
        Map<String, Object> changes = readProperties(requireObject(body), false);
        for (Property property : PROPERTIES.values()) {
            if (property.required() && changes.containsKey(property.name()) && changes.get(property.name()) == null) {
                throw GraphError.required(property.name());
            }
        }
        return changes;
    }

    /** A user as read back from the store file (id included, no password profile). */
    public static Map<String, Object> forStored(JsonNode node) {
        JsonNode id = requireObject(node).get(ID);
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw GraphError.required(ID);
        }
        Map<String, Object> values = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals(ID)) {
                values.put(field.getKey(), readValue(property(field.getKey()), field.getValue()));
            }
        }
        values.values().removeIf(value -> value == null);
        values.put(ID, id.asText());
        return ordered(values);
    }

    /** {@code values} as an immutable map with id first and then declaration order. */
    public static Map<String, Object> ordered(Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (values.containsKey(ID)) {
            ordered.put(ID, values.get(ID));
        }
        for (String name : PROPERTIES.keySet()) {
            if (values.containsKey(name)) {
                ordered.put(name, values.get(name));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** The canonical name of a property a query may name (case-insensitive). */
    public static Optional<String> canonicalName(String name) {
        return Optional.ofNullable(SELECTABLE.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The value a projection shows for an unset property: Graph shows collections as empty, not null. */
    public static Object unsetValue(String name) {
        Property property = PROPERTIES.get(name);
        return property != null && property.type() == Type.STRING_LIST ? List.of() : null;
    }

    private static Map<String, Object> readProperties(JsonNode body, boolean create) {
        Map<String, Object> values = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals(ID)) {
                throw GraphError.readOnly(ID);
            }
            if (name.equals(PROXY_ADDRESSES)) {
                throw GraphError.readOnly(PROXY_ADDRESSES);
            }
            if (name.equals(PASSWORD_PROFILE)) {
                checkPasswordProfile(field.getValue());
                continue;
            }
            values.put(name, readValue(property(name), field.getValue()));
        }
        if (create && !body.has(PASSWORD_PROFILE)) {
            throw GraphError.required(PASSWORD_PROFILE + ".password");
        }
        return values;
    }

    /** Validated, never kept: the emulator stores no passwords. */
    private static void checkPasswordProfile(JsonNode profile) {
        if (profile == null || !profile.isObject()) {
            throw GraphError.invalidValue(PASSWORD_PROFILE);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = profile.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = PASSWORD_PROFILE + "." + field.getKey();
            if (PASSWORD_PROFILE_FLAGS.contains(field.getKey())) {
                if (!field.getValue().isBoolean()) {
                    throw GraphError.invalidValue(name);
                }
            } else if (!field.getKey().equals("password")) {
                throw GraphError.unknownProperty(name);
            }
        }
        JsonNode password = profile.get("password");
        if (password == null
                || password.isNull()
                || (password.isTextual() && password.asText().isEmpty())) {
            throw GraphError.required(PASSWORD_PROFILE + ".password");
        }
        if (!password.isTextual()) {
            throw GraphError.invalidValue(PASSWORD_PROFILE + ".password");
        }
    }

    private static Property property(String name) {
        Property property = PROPERTIES.get(name);
        if (property == null) {
            throw GraphError.unknownProperty(name);
        }
        return property;
    }

    /** The Java value of one property, {@code null} for JSON null. */
    private static Object readValue(Property property, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return switch (property.type()) {
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw GraphError.invalidValue(property.name());
                }
                yield node.booleanValue();
            }
            case STRING -> readString(property, node);
            case STRING_LIST -> {
                if (!node.isArray()) {
                    throw GraphError.invalidValue(property.name());
                }
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(readString(property, item)));
                yield List.copyOf(items);
            }
        };
    }

    /** Graph refuses empty strings: a client clears a property with null. */
    private static String readString(Property property, JsonNode node) {
        if (!node.isTextual()) {
            throw GraphError.invalidValue(property.name());
        }
        String value = node.textValue();
        if (value.isBlank()
                || value.length() > property.maxLength()
                || !property.shape().test(value)) {
            throw GraphError.invalidValue(property.name());
        }
        return value;
    }

    private static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphError.badRequest("The request body must be a JSON object describing a user.");
        }
        return body;
    }

    private static Map<String, Property> declare(Property... properties) {
        Map<String, Property> map = new LinkedHashMap<>();
        for (Property property : properties) {
            map.put(property.name(), property);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, String> selectable() {
        Map<String, String> map = new HashMap<>();
        map.put(ID.toLowerCase(Locale.ROOT), ID);
        map.put(PASSWORD_PROFILE.toLowerCase(Locale.ROOT), PASSWORD_PROFILE);
        PROPERTIES.keySet().forEach(name -> map.put(name.toLowerCase(Locale.ROOT), name));
        return Map.copyOf(map);
    }
}

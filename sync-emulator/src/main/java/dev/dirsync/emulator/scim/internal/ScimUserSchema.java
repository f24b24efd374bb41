package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The User resource the emulator accepts: the core attributes dirsync and common clients send, the
 * enterprise extension and dirsync's mail-user extension. Attribute names are matched
 * case-insensitively (RFC 7643 section 2.1) and stored in their canonical spelling; anything else is
 * refused with 400 invalidSyntax, a wrong type with 400 invalidValue. {@code id} and {@code meta}
 * are the service's and ignored on input; {@code password} is accepted and never stored.
 */
public final class ScimUserSchema {
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String MAIL_USER = "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User";
    public static final List<String> EXTENSIONS = List.of(ENTERPRISE, MAIL_USER);

    private enum Type {
        STRING,
        BOOLEAN,
        NAME,
        EMAILS,
        STRINGS,
        MANAGER,
        IGNORED
    }

    private static final Map<String, Map<String, Type>> ATTRIBUTES = new LinkedHashMap<>();
    private static final Map<String, Type> NAME =
            canonical("formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix");
    private static final Map<String, Type> EMAIL = new LinkedHashMap<>();

    static {
        Map<String, Type> core = new LinkedHashMap<>();
        core.put("id", Type.IGNORED);
        core.put("meta", Type.IGNORED);
        core.put("password", Type.IGNORED);
        core.putAll(canonical("externalId", "userName"));
        core.put("name", Type.NAME);
        core.putAll(canonical(
                "displayName",
                "nickName",
                "profileUrl",
                "title",
                "userType",
                "preferredLanguage",
                "locale",
                "timezone"));
        core.put("active", Type.BOOLEAN);
        core.put("emails", Type.EMAILS);
        ATTRIBUTES.put(USER, core);
        Map<String, Type> enterprise =
                canonical("employeeNumber", "costCenter", "organization", "division", "department");
        enterprise.put("manager", Type.MANAGER);
        ATTRIBUTES.put(ENTERPRISE, enterprise);
        Map<String, Type> mailUser = canonical("mailNickname", "externalEmailAddress", "usageLocation");
        mailUser.put("proxyAddresses", Type.STRINGS);
        ATTRIBUTES.put(MAIL_USER, mailUser);
        EMAIL.putAll(canonical("value", "type", "display"));
        EMAIL.put("primary", Type.BOOLEAN);
    }

    private ScimUserSchema() {}

    /** The canonical spelling of a core attribute, or null when the core schema has none such. */
    public static String coreName(String name) {
        return find(ATTRIBUTES.get(USER), name);
    }

    /** The canonical spelling of {@code name} in {@code schema}'s attributes, or null. */
    public static String attributeName(String schema, String name) {
        return find(ATTRIBUTES.get(schema), name);
    }

    /** The known extension URN {@code name} spells, or null. */
    public static String extension(String name) {
        for (String urn : EXTENSIONS) {
            if (urn.equalsIgnoreCase(name)) {
                return urn;
            }
        }
        return null;
    }

    /** Whether a core attribute is multi-valued (add appends to it). */
    public static boolean multiValued(String schema, String canonical) {
        Type type = ATTRIBUTES.get(schema).get(canonical);
        return type == Type.EMAILS || type == Type.STRINGS;
    }

    /**
     * {@code body} as a stored resource: canonical names, checked types, null and empty values left
     * out, {@code schemas} listing exactly the core schema and the extensions in use.
     */
    public static ObjectNode normalize(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimFailure.invalidSyntax("A User resource is a JSON object.");
        }
        JsonNode schemas = body.get("schemas");
        if (schemas == null || !schemas.isArray()) {
            throw ScimFailure.invalidSyntax("The \"schemas\" attribute is required and must list '" + USER + "'.");
        }
        boolean core = false;
        List<String> listed = new ArrayList<>();
        for (JsonNode schema : schemas) {
            String urn = schema.asText();
            if (urn.equalsIgnoreCase(USER)) {
                core = true;
            } else if (extension(urn) != null) {
                listed.add(extension(urn));
            } else {
                throw ScimFailure.invalidValue("Unknown schema '" + urn + "'; the emulator knows " + USER + ", "
                        + String.join(", ", EXTENSIONS) + ".");
            }
        }
        if (!core) {
            throw ScimFailure.invalidSyntax("The \"schemas\" attribute must list '" + USER + "'.");
        }
        ObjectNode resource = Json.object();
        ArrayNode outSchemas = resource.putArray("schemas").add(USER);
        Map<String, ObjectNode> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("schemas")) {
                continue;
            }
            String urn = extension(field.getKey());
            if (urn != null) {
                if (!listed.contains(urn)) {
                    throw ScimFailure.invalidSyntax(
                            "The extension '" + urn + "' is used but not listed in \"schemas\".");
                }
                if (!field.getValue().isNull()) {
                    extensions.put(urn, members(urn, field.getValue(), urn));
                }
                continue;
            }
            put(resource, ATTRIBUTES.get(USER), field.getKey(), field.getValue(), "");
        }
        if (!resource.path("userName").isTextual()
                || resource.get("userName").asText().isBlank()) {
            throw ScimFailure.invalidValue("The attribute 'userName' is required.");
        }
        extensions.forEach((urn, members) -> {
            if (!members.isEmpty()) {
                outSchemas.add(urn);
                resource.set(urn, members);
            }
        });
        return resource;
    }

    private static ObjectNode members(String schema, JsonNode value, String where) {
        if (!value.isObject()) {
            throw ScimFailure.invalidValue("'" + where + "' must be a JSON object.");
        }
        ObjectNode members = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            put(members, ATTRIBUTES.get(schema), field.getKey(), field.getValue(), where + ":");
        }
        return members;
    }

    private static void put(ObjectNode target, Map<String, Type> known, String key, JsonNode value, String prefix) {
        String name = find(known, key);
        if (name == null) {
            throw ScimFailure.invalidSyntax("Unknown attribute '" + prefix + key + "'.");
        }
        Type type = known.get(name);
        if (type == Type.IGNORED || value.isNull()) {
            return;
        }
        String where = prefix + name;
        switch (type) {
            case STRING -> target.put(name, text(value, where));
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw ScimFailure.invalidValue("'" + where + "' must be true or false.");
                }
                target.put(name, value.asBoolean());
            }
            case NAME, MANAGER -> {
                if (!value.isObject()) {
                    throw ScimFailure.invalidValue("'" + where + "' must be a JSON object.");
                }
                ObjectNode complex = Json.object();
                value.fields().forEachRemaining(sub -> {
                    String subName = type == Type.NAME ? find(NAME, sub.getKey()) : sub.getKey();
                    if (subName == null) {
                        throw ScimFailure.invalidSyntax("Unknown attribute '" + where + "." + sub.getKey() + "'.");
                    }
                    if (!sub.getValue().isNull()) {
                        complex.put(subName, text(sub.getValue(), where + "." + subName));
                    }
                });
                if (!complex.isEmpty()) {
                    target.set(name, complex);
                }
            }
            case EMAILS -> {
                ArrayNode emails = emails(value, where);
                if (!emails.isEmpty()) {
                    target.set(name, emails);
                }
            }
            case STRINGS -> {
                if (!value.isArray()) {
                    throw ScimFailure.invalidValue("'" + where + "' must be an array of strings.");
                }
                ArrayNode texts = target.arrayNode();
                value.forEach(item -> texts.add(text(item, where)));
                if (!texts.isEmpty()) {
                    target.set(name, texts);
                }
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    private static ArrayNode emails(JsonNode value, String where) {
        if (!value.isArray()) {
            throw ScimFailure.invalidValue("'" + where + "' must be an array of objects.");
        }
        ArrayNode emails = Json.MAPPER.createArrayNode();
        int primaries = 0;
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw ScimFailure.invalidValue("'" + where + "' must be an array of objects.");
            }
            ObjectNode email = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                put(email, EMAIL, field.getKey(), field.getValue(), where + ".");
            }
            if (!email.path("value").isTextual() || email.get("value").asText().isBlank()) {
                throw ScimFailure.invalidValue("Every entry of '" + where + "' needs a 'value'.");
            }
            if (email.path("primary").asBoolean(false)) {
                primaries++;
            }
            emails.add(email);
        }
        if (primaries > 1) {
            throw ScimFailure.invalidValue("At most one entry of '" + where + "' may be primary.");
        }
        return emails;
    }

    private static String text(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw ScimFailure.invalidValue("'" + where + "' must be a string.");
        }
        return value.asText();
    }

    private static String find(Map<String, Type> known, String name) {
        if (known == null) {
            return null;
        }
        for (String candidate : known.keySet()) {
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    private static Map<String, Type> canonical(String... names) {
        Map<String, Type> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, Type.STRING);
        }
        return map;
    }
}

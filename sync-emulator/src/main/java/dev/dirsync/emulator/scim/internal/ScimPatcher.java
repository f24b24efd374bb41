package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a PatchOp (RFC 7644 section 3.5.2) to a copy of a stored user: {@code add},
 * {@code replace} and {@code remove} on paths of the form {@code attribute},
 * {@code attribute.subAttribute} and {@code <extension URN>:attribute}, or add/replace without a
 * path and an object value. Value filters in paths ({@code emails[type eq "work"]}) are refused
 * with 400 invalidPath. The result is validated like a PUT body by the caller.
 */
public final class ScimPatcher {
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimPatcher() {}

    /** The patched copy of {@code stored}, its {@code schemas} listing the extensions it now holds. */
    public static ObjectNode apply(ObjectNode stored, JsonNode patch) {
        if (patch == null || !patch.isObject() || !listsPatchOp(patch.get("schemas"))) {
            throw ScimFailure.invalidSyntax("A PATCH body is a PatchOp: \"schemas\" must list '" + PATCH_OP + "'.");
        }
        JsonNode operations = patch.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimFailure.invalidSyntax("A PatchOp needs a non-empty \"Operations\" array.");
        }
        ObjectNode resource = stored.deepCopy();
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText("").toLowerCase(Locale.ROOT);
            JsonNode path = operation.get("path");
            JsonNode value = operation.get("value");
            switch (op) {
                case "add", "replace" -> {
                    if (value == null || value.isNull()) {
                        throw ScimFailure.invalidSyntax("The '" + op + "' operation needs a \"value\".");
                    }
                    if (path == null || path.isNull()) {
                        withoutPath(resource, op, value);
                    } else {
                        set(resource, op, path.asText(), value);
                    }
                }
                case "remove" -> {
                    if (path == null || path.isNull() || path.asText().isBlank()) {
                        throw new ScimFailure(400, "noTarget", "The 'remove' operation needs a \"path\".");
                    }
                    remove(resource, path.asText());
                }
                default -> throw ScimFailure.invalidSyntax(
                        "Unknown operation '" + operation.path("op").asText() + "'; use add, replace or remove.");
            }
        }
        ArrayNode schemas = resource.putArray("schemas").add(ScimUserSchema.USER);
        for (String urn : ScimUserSchema.EXTENSIONS) {
            if (resource.has(urn)) {
                schemas.add(urn);
            }
        }
        return resource;
    }

    private static boolean listsPatchOp(JsonNode schemas) {
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                if (PATCH_OP.equalsIgnoreCase(schema.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void withoutPath(ObjectNode resource, String op, JsonNode value) {
        if (!value.isObject()) {
            throw ScimFailure.invalidSyntax("Without a \"path\", the value of '" + op + "' must be a JSON object.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String urn = ScimUserSchema.extension(field.getKey());
            if (urn != null && field.getValue().isObject()) {
                field.getValue()
                        .fields()
                        .forEachRemaining(member -> set(resource, op, urn + ":" + member.getKey(), member.getValue()));
            } else if (!field.getKey().equals("schemas")) {
                set(resource, op, field.getKey(), field.getValue());
            }
        }
    }

    /** Where a path points: the object that holds the attribute, and the attribute's name in it. */
    private record Target(ObjectNode holder, String schema, String attribute) {}

    private static Target target(ObjectNode resource, String path) {
        if (path.contains("[")) {
            throw new ScimFailure(
                    400,
                    "invalidPath",
                    "Value filters in paths are not supported by the cloud emulator: '" + path + "'.");
        }
        String schema = ScimUserSchema.USER;
        String rest = path;
        for (String urn : ScimUserSchema.EXTENSIONS) {
            if (path.length() > urn.length() && path.regionMatches(true, 0, urn + ":", 0, urn.length() + 1)) {
                schema = urn;
                rest = path.substring(urn.length() + 1);
            }
        }
        if (schema.equals(ScimUserSchema.USER)
                && path.regionMatches(true, 0, ScimUserSchema.USER + ":", 0, ScimUserSchema.USER.length() + 1)) {
            rest = path.substring(ScimUserSchema.USER.length() + 1);
        }
        String[] parts = rest.split("\\.", -1);
        if (parts.length > 2) {
            throw new ScimFailure(400, "invalidPath", "The path '" + path + "' is too deep.");
        }
        String attribute = ScimUserSchema.attributeName(schema, parts[0]);
        if (attribute == null) {
            throw new ScimFailure(400, "invalidPath", "The path '" + path + "' names no attribute of the User.");
        }
        if (schema.equals(ScimUserSchema.USER) && (attribute.equals("id") || attribute.equals("meta"))) {
            throw new ScimFailure(400, "mutability", "The attribute '" + attribute + "' is read-only.");
        }
        ObjectNode holder = schema.equals(ScimUserSchema.USER) ? resource : child(resource, schema);
        if (parts.length == 2) {
            return new Target(child(holder, attribute), schema, parts[1]);
        }
        return new Target(holder, schema, attribute);
    }

    /** The object member {@code name}, created empty when absent (and pruned again when left empty). */
    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        if (existing != null && !existing.isNull()) {
            throw ScimFailure.invalidValue("The attribute '" + name + "' is not complex.");
        }
        return parent.putObject(name);
    }

    private static void set(ObjectNode resource, String op, String path, JsonNode value) {
        String urn = ScimUserSchema.extension(path);
        if (urn != null) {
            if (!value.isObject()) {
                throw ScimFailure.invalidValue("The value for '" + urn + "' must be a JSON object.");
            }
            value.fields()
                    .forEachRemaining(member -> set(resource, op, urn + ":" + member.getKey(), member.getValue()));
            return;
        }
        Target target = target(resource, path);
        JsonNode existing = target.holder().get(target.attribute());
        boolean appends = op.equals("add")
                && existing != null
                && existing.isArray()
                && ScimUserSchema.multiValued(target.schema(), target.attribute());
        if (appends) {
            ArrayNode array = (ArrayNode) existing;
            if (value.isArray()) {
                value.forEach(item -> array.add(item.deepCopy()));
            } else {
                array.add(value.deepCopy());
            }
        } else {
            target.holder().set(target.attribute(), value.deepCopy());
        }
    }

    private static void remove(ObjectNode resource, String path) {
        String urn = ScimUserSchema.extension(path);
        if (urn != null) {
            resource.remove(urn);
            return;
        }
        Target target = target(resource, path);
        target.holder().remove(target.attribute());
        prune(resource);
    }

    /** Complex attributes and extensions left without members are removed, like unassigned values. */
    private static void prune(ObjectNode resource) {
        for (String name : new String[] {"name"}) {
            if (resource.path(name).isObject() && resource.get(name).isEmpty()) {
                resource.remove(name);
            }
        }
        for (String urn : ScimUserSchema.EXTENSIONS) {
            if (resource.path(urn).isObject() && resource.get(urn).isEmpty()) {
                resource.remove(urn);
            }
        }
    }
}

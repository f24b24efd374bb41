package dev.dirsync.emulator.internal;

import dev.dirsync.emulator.EmulatorSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the query string of a users request. Option names are matched case-insensitively, values
 * are form-decoded ({@code +} is a space, like Graph's front end). Options without {@code $} are
 * ignored, as Graph ignores them; {@code $} options the emulator does not implement are refused
 * rather than silently ignored.
 */
public final class UserQueryParser {
    private static final Set<String> COLLECTION_OPTIONS = Set.of("$select", "$top", "$filter", "$skiptoken");
    private static final Set<String> ITEM_OPTIONS = Set.of("$select");

    private UserQueryParser() {}

    /** Options for {@code GET /users}. */
    public static UserQuery forCollection(String rawQuery) {
        return parse(rawQuery, COLLECTION_OPTIONS);
    }

    /** Options for {@code GET /users/{id}}: only {@code $select}. */
    public static UserQuery forItem(String rawQuery) {
        return parse(rawQuery, ITEM_OPTIONS);
    }

    private static UserQuery parse(String rawQuery, Set<String> allowed) {
        Map<String, String> options = options(rawQuery);
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw GraphError.unsupportedQuery(
                        "The query option '" + name + "' is not supported by the cloud emulator on this resource.");
            }
        }
        String select = options.get("$select");
        String filter = options.get("$filter");
        return new UserQuery(
                select == null ? UserSchema.DEFAULT_SELECT : select(select),
                select != null,
                options.containsKey("$top") ? top(options.get("$top")) : null,
                filter == null ? null : EqFilter.parse(filter),
                options.get("$skiptoken"));
    }

    /** The {@code $} options by lower-case name, decoded. */
    static Map<String, String> options(String rawQuery) {
        Map<String, String> options = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return options;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.startsWith("$") && options.put(name, value) != null) {
                throw GraphError.badRequest("The query option '" + name + "' was specified more than once.");
            }
        }
        return options;
    }

    private static List<String> select(String value) {
        Set<String> names = new LinkedHashSet<>();
        names.add(UserSchema.ID);
        for (String raw : value.split(",")) {
            String name = raw.trim();
            names.add(UserSchema.canonicalName(name)
                    .orElseThrow(() -> GraphError.of(
                            400,
                            "BadRequest",
                            "Parsing OData Select and Expand failed: Could not find a property named '" + name
                                    + "' on type 'microsoft.graph.user'.")));
        }
        return new ArrayList<>(names);
    }

    /** A {@code $top} value, refused outside 1..999. */
    static int top(String value) {
        int top;
        try {
            top = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            top = 0;
        }
        if (top < 1 || top > EmulatorSettings.MAX_PAGE_SIZE) {
            throw GraphError.badRequest("Invalid page size specified: '" + value + "'. Must be between 1 and "
                    + EmulatorSettings.MAX_PAGE_SIZE + " inclusive.");
        }
        return top;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("Malformed percent-encoding in the query string: " + raw);
        }
    }
}

package dev.dirsync.emulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query options of a groups or contacts listing: {@code $select}, {@code $top} and {@code
 * $skiptoken}; any other {@code $} option is refused, as on users.
 *
 * @param select the properties to return, {@code id} first; all of them when the request named none
 * @param explicitSelect whether the request carried {@code $select} (next links repeat it)
 * @param top the page size the client asked for, or {@code null}
 * @param skipToken the opaque continuation token, or {@code null} for the first page
 */
public record MailObjectQuery(List<String> select, boolean explicitSelect, Integer top, String skipToken) {
    private static final Set<String> OPTIONS = Set.of("$select", "$top", "$skiptoken");

    public MailObjectQuery {
        select = List.copyOf(select);
    }

    /** @param type the Graph type in errors, e.g. {@code microsoft.graph.group} */
    public static MailObjectQuery parse(String rawQuery, String type) {
        Map<String, String> options = UserQueryParser.options(rawQuery);
        for (String name : options.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw GraphError.unsupportedQuery(
                        "The query option '" + name + "' is not supported by the cloud emulator on this resource.");
            }
        }
        String select = options.get("$select");
        return new MailObjectQuery(
                select == null ? MailObjectSchema.PROPERTIES : select(select, type),
                select != null,
                options.containsKey("$top") ? UserQueryParser.top(options.get("$top")) : null,
                options.get("$skiptoken"));
    }

    private static List<String> select(String value, String type) {
        Set<String> names = new LinkedHashSet<>();
        names.add(MailObjectSchema.ID);
        for (String raw : value.split(",")) {
            String name = raw.trim();
            names.add(MailObjectSchema.canonicalName(name)
                    .orElseThrow(() -> GraphError.of(
                            400,
                            "BadRequest",
                            "Parsing OData Select and Expand failed: Could not find a property named '" + name
                                    + "' on type '" + type + "'.")));
        }
        return new ArrayList<>(names);
    }
}

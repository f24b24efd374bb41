package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudAddresses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the unique values of a SCIM User: {@code userName} as its user principal name and every
 * {@code emails[].value} as an SMTP address, each once whatever its case. The extension's
 * proxyAddresses are derived from emails (see {@link ScimUserJson}) and not read.
 */
public final class ScimAddressJson {
    public static final String USER = "user";

    private ScimAddressJson() {}

    /** Named by its userName, else its displayName; empty without an id or any unique value. */
    public static Optional<CloudAddresses> user(JsonNode node) {
        String id = present(ScimJson.text(node, "id"));
        if (id == null) {
            return Optional.empty();
        }
        String userName = present(ScimJson.text(node, "userName"));
        Map<String, String> emails = new LinkedHashMap<>();
        for (JsonNode email : node.path("emails")) {
            String value = present(ScimJson.text(email, "value"));
            if (value != null) {
                emails.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
            }
        }
        if (userName == null && emails.isEmpty()) {
            return Optional.empty();
        }
        String externalId = present(ScimJson.text(node, "externalId"));
        String displayName = present(ScimJson.text(node, "displayName"));
        return Optional.of(new CloudAddresses(
                id,
                USER,
                externalId == null ? null : new Anchor(externalId),
                userName != null ? userName : displayName != null ? displayName : id,
                userName == null ? List.of() : List.of(userName),
                List.copyOf(emails.values())));
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

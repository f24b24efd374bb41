package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudAddresses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the unique values of a Graph user, group or organizational contact. Its SMTP addresses are
 * {@code mail} and every proxy address of type SMTP ({@code SMTP:} primary, {@code smtp:}
 * secondary; other types such as {@code SIP:} or {@code X500:} are no SMTP addresses), without the
 * prefix, each once whatever its case, {@code mail} first. A user's {@code otherMails} count only
 * when it holds no proxy address at all: Entra does not require them to be unique, but a user
 * without proxy addresses (no Exchange recipient yet) holds its secondary addresses there, as
 * dirsync writes them.
 */
public final class GraphAddressJson {
    public static final String USER = "user";
    public static final String GROUP = "group";
    public static final String CONTACT = "contact";

    private static final String SMTP_PREFIX = "smtp:";

    private GraphAddressJson() {}

    /** A user's addresses, named by its userPrincipalName; empty without an id or any unique value. */
    public static Optional<CloudAddresses> user(JsonNode node) {
        String id = text(node, "id");
        if (id == null) {
            return Optional.empty();
        }
        String upn = text(node, "userPrincipalName");
        String anchor = text(node, "onPremisesImmutableId");
        List<String> proxies = strings(node.path("proxyAddresses"));
        Map<String, String> smtp = smtpAddresses(text(node, "mail"), proxies);
        if (proxies.isEmpty()) {
            strings(node.path("otherMails")).forEach(other -> add(smtp, other));
        }
        if (upn == null && smtp.isEmpty()) {
            return Optional.empty();
        }
        String name = upn != null ? upn : nameOf(node, id);
        return Optional.of(new CloudAddresses(
                id,
                USER,
                anchor == null ? null : new Anchor(anchor),
                name,
                upn == null ? List.of() : List.of(upn),
                List.copyOf(smtp.values())));
    }

    /**
     * A group's or contact's addresses ({@code kind} {@link #GROUP} or {@link #CONTACT}), named by
     * its displayName, else its mail; empty without an id or any address.
     */
    public static Optional<CloudAddresses> other(JsonNode node, String kind) {
        String id = text(node, "id");
        if (id == null) {
            return Optional.empty();
        }
        Map<String, String> smtp = smtpAddresses(text(node, "mail"), strings(node.path("proxyAddresses")));
        if (smtp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CloudAddresses(id, kind, null, nameOf(node, id), List.of(), List.copyOf(smtp.values())));
    }

    /** By lower-case address, the first spelling seen. */
    private static Map<String, String> smtpAddresses(String mail, List<String> proxies) {
        Map<String, String> addresses = new LinkedHashMap<>();
        add(addresses, mail);
        for (String proxy : proxies) {
            if (proxy.regionMatches(true, 0, SMTP_PREFIX, 0, SMTP_PREFIX.length())) {
                add(addresses, proxy.substring(SMTP_PREFIX.length()));
            }
        }
        return addresses;
    }

    private static void add(Map<String, String> addresses, String address) {
        if (address != null && !address.isBlank()) {
            addresses.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
    }

    private static String nameOf(JsonNode node, String id) {
        String displayName = text(node, "displayName");
        if (displayName != null) {
            return displayName;
        }
        String mail = text(node, "mail");
        return mail != null ? mail : id;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> {
            if (item.isTextual() && !item.asText().isBlank()) {
                values.add(item.asText());
            }
        });
        return values;
    }

    /** The text of a property; null when absent, null or blank. */
    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null
                        || !value.isValueNode()
                        || value.isNull()
                        || value.asText().isBlank()
                ? null
                : value.asText();
    }
}

package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps mail users to SCIM User resources and back.
 * <table>
 *   <caption>MailUser to SCIM User</caption>
 *   <tr><th>MailUser</th><th>SCIM attribute</th></tr>
 *   <tr><td>anchor</td><td>externalId</td></tr>
 *   <tr><td>userPrincipalName</td><td>userName</td></tr>
 *   <tr><td>givenName, surname</td><td>name.givenName, name.familyName</td></tr>
 *   <tr><td>displayName</td><td>displayName</td></tr>
 *   <tr><td>mail</td><td>emails[type work, primary true]; extension externalEmailAddress</td></tr>
 *   <tr><td>otherMails</td><td>emails[type other]; extension proxyAddresses as {@code smtp:<address>}</td></tr>
 *   <tr><td>accountEnabled</td><td>active</td></tr>
 *   <tr><td>mailNickname, usageLocation</td><td>extension mailNickname, usageLocation</td></tr>
 * </table>
 * The extension is {@link ScimSchemas#MAIL_USER}. proxyAddresses hold the secondary addresses only,
 * with the lower-case {@code smtp:} prefix that marks a secondary address: the primary address of a
 * mail user is the service's to choose. No owned property belongs in the enterprise extension, so it
 * is never sent.
 *
 * <p>Reading back, {@code emails} is the source of both addresses (the primary one, else the one of
 * type work, is mail; the others are otherMails): the core attribute every service keeps. The
 * extension's address attributes are derived and not read.
 */
public final class ScimUserJson {
    public static final String SMTP_SECONDARY = "smtp:";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimUserJson() {}

    /** The full resource, for POST and PUT: absent values are left out, never sent as null. */
    public static ObjectNode resource(MailUser user) {
        ObjectNode body = NODES.objectNode();
        ArrayNode schemas = body.putArray("schemas").add(ScimSchemas.USER);
        body.put("externalId", user.anchor().value());
        putIfPresent(body, "userName", user.userPrincipalName());
        ObjectNode name = NODES.objectNode();
        putIfPresent(name, "givenName", user.givenName());
        putIfPresent(name, "familyName", user.surname());
        if (!name.isEmpty()) {
            body.set("name", name);
        }
        putIfPresent(body, "displayName", user.displayName());
        ArrayNode emails = emails(user);
        if (!emails.isEmpty()) {
            body.set("emails", emails);
        }
        body.put("active", user.accountEnabled());
        ObjectNode extension = NODES.objectNode();
        putIfPresent(extension, "mailNickname", user.mailNickname());
        putIfPresent(extension, "externalEmailAddress", user.mail());
        ArrayNode proxies = proxyAddresses(user);
        if (!proxies.isEmpty()) {
            extension.set("proxyAddresses", proxies);
        }
        putIfPresent(extension, "usageLocation", user.usageLocation());
        if (!extension.isEmpty()) {
            schemas.add(ScimSchemas.MAIL_USER);
            body.set(ScimSchemas.MAIL_USER, extension);
        }
        return body;
    }

    /** mail as the primary work address, then otherMails as type other; empty when there are none. */
    public static ArrayNode emails(MailUser user) {
        ArrayNode emails = NODES.arrayNode();
        if (present(user.mail())) {
            emails.addObject().put("value", user.mail()).put("type", "work").put("primary", true);
        }
        for (String other : user.otherMails()) {
            if (present(other)) {
                emails.addObject().put("value", other).put("type", "other");
            }
        }
        return emails;
    }

    /** otherMails as secondary proxy addresses, {@code smtp:<address>}; empty when there are none. */
    public static ArrayNode proxyAddresses(MailUser user) {
        ArrayNode proxies = NODES.arrayNode();
        for (String other : user.otherMails()) {
            if (present(other)) {
                proxies.add(SMTP_SECONDARY + other);
            }
        }
        return proxies;
    }

    /** A SCIM user as dirsync sees it; empty when it carries no externalId (not dirsync's) or no id. */
    public static Optional<CloudUser> cloudUser(JsonNode node) {
        String id = ScimJson.text(node, "id");
        String externalId = ScimJson.text(node, "externalId");
        if (id == null || id.isBlank() || externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        JsonNode name = node.path("name");
        JsonNode extension = node.path(ScimSchemas.MAIL_USER);
        JsonNode primary = primaryEmail(node.path("emails"));
        List<String> otherMails = new ArrayList<>();
        for (JsonNode email : node.path("emails")) {
            String value = ScimJson.text(email, "value");
            if (email != primary && present(value)) {
                otherMails.add(value);
            }
        }
        MailUser user = new MailUser(
                new Anchor(externalId),
                ScimJson.text(node, "userName"),
                ScimJson.text(node, "displayName"),
                ScimJson.text(name, "givenName"),
                ScimJson.text(name, "familyName"),
                ScimJson.text(extension, "mailNickname"),
                primary == null ? null : ScimJson.text(primary, "value"),
                otherMails,
                node.path("active").asBoolean(false),
                ScimJson.text(extension, "usageLocation"));
        return Optional.of(new CloudUser(id, user));
    }

    /** The id of a resource in a create response, if any. */
    public static Optional<String> id(JsonNode node) {
        return Optional.ofNullable(ScimJson.text(node, "id")).filter(id -> !id.isBlank());
    }

    /** The entry marked primary, else the first of type work; null when neither exists. */
    private static JsonNode primaryEmail(JsonNode emails) {
        JsonNode work = null;
        for (JsonNode email : emails) {
            if (!present(ScimJson.text(email, "value"))) {
                continue;
            }
            if (email.path("primary").asBoolean(false)) {
                return email;
            }
            if (work == null && "work".equalsIgnoreCase(ScimJson.text(email, "type"))) {
                work = email;
            }
        }
        return work;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (present(value)) {
            node.put(name, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}

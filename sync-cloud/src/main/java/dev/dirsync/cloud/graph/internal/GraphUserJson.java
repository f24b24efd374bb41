package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Maps mail users to Graph user JSON and back. */
public final class GraphUserJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GraphUserJson() {}

    /**
     * The body of POST /users: the properties Graph requires, the anchor, a password the user must
     * change, and the optional properties that have a value (absent ones are left out, not null).
     */
    public static ObjectNode createBody(MailUser user, String password) {
        ObjectNode body = NODES.objectNode();
        body.put("accountEnabled", user.accountEnabled());
        putIfPresent(body, "displayName", user.displayName());
        putIfPresent(body, "mailNickname", user.mailNickname());
        putIfPresent(body, "userPrincipalName", user.userPrincipalName());
        body.put("onPremisesImmutableId", user.anchor().value());
        ObjectNode passwordProfile = body.putObject("passwordProfile");
        passwordProfile.put("password", password);
        passwordProfile.put("forceChangePasswordNextSignIn", true);
        putIfPresent(body, "givenName", user.givenName());
        putIfPresent(body, "surname", user.surname());
        putIfPresent(body, "mail", user.mail());
        if (!user.otherMails().isEmpty()) {
            body.set("otherMails", array(user.otherMails()));
        }
        putIfPresent(body, "usageLocation", user.usageLocation());
        return body;
    }

    /** The body of PATCH /users/{id}: exactly {@code changed}; an absent value is an explicit null, which clears it. */
    public static ObjectNode patchBody(MailUser user, Set<MailUserField> changed) {
        ObjectNode body = NODES.objectNode();
        for (MailUserField field : MailUserField.values()) {
            if (!changed.contains(field)) {
                continue;
            }
            Object value = field.valueOf(user);
            if (value instanceof Boolean flag) {
                body.put(field.graphName(), flag);
            } else if (value instanceof List<?> list) {
                List<String> texts = new ArrayList<>();
                list.forEach(item -> texts.add(String.valueOf(item)));
                body.set(field.graphName(), array(texts));
            } else if (value instanceof String text && !text.isEmpty()) {
                body.put(field.graphName(), text);
            } else {
                body.putNull(field.graphName());
            }
        }
        return body;
    }

    /**
     * The body of the PATCH that adopts an unclaimed cloud user (soft match): the anchor and every
     * property dirsync owns, absent ones as explicit nulls.
     */
    public static ObjectNode adoptBody(MailUser user) {
        ObjectNode body = patchBody(user, EnumSet.allOf(MailUserField.class));
        body.put("onPremisesImmutableId", user.anchor().value());
        return body;
    }

    /** The id, userPrincipalName and anchor of any user in a look-up; empty without an id. */
    public static Optional<UserRef> ref(JsonNode node) {
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new UserRef(id, text(node, "userPrincipalName"), text(node, "onPremisesImmutableId")));
    }

    /** A Graph user as dirsync sees it; empty when it carries no anchor (not dirsync's) or no id. */
    public static Optional<CloudUser> cloudUser(JsonNode node) {
        String id = text(node, "id");
        String anchor = text(node, "onPremisesImmutableId");
        if (id == null || id.isBlank() || anchor == null || anchor.isBlank()) {
            return Optional.empty();
        }
        List<String> otherMails = new ArrayList<>();
        node.path("otherMails").forEach(item -> {
            if (item.isTextual()) {
                otherMails.add(item.asText());
            }
        });
        MailUser user = new MailUser(
                new Anchor(anchor),
                text(node, "userPrincipalName"),
                text(node, "displayName"),
                text(node, "givenName"),
                text(node, "surname"),
                text(node, "mailNickname"),
                text(node, "mail"),
                otherMails,
                node.path("accountEnabled").asBoolean(false),
                text(node, "usageLocation"));
        return Optional.of(new CloudUser(id, user));
    }

    /** The id of a user in a create response, if any. */
    public static Optional<String> id(JsonNode node) {
        return Optional.ofNullable(text(node, "id")).filter(id -> !id.isBlank());
    }

    private static void putIfPresent(ObjectNode body, String name, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(name, value);
        }
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}

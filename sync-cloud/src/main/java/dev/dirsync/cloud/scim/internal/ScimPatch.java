package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.Set;

/**
 * The PatchOp (RFC 7644 section 3.5.2) that carries exactly the changed properties: a {@code replace}
 * with a path for each value, a {@code remove} for each cleared one. mail and otherMails share the
 * multi-valued {@code emails}, which is replaced whole (a replace without a filter replaces all
 * values); each also updates its derived extension attribute.
 */
public final class ScimPatch {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String EXTENSION = ScimSchemas.MAIL_USER + ":";

    private ScimPatch() {}

    public static ObjectNode patchOp(MailUser user, Set<MailUserField> changed) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add(ScimSchemas.PATCH_OP);
        ArrayNode operations = body.putArray("Operations");
        for (MailUserField field : MailUserField.values()) {
            if (!changed.contains(field)) {
                continue;
            }
            switch (field) {
                case USER_PRINCIPAL_NAME -> text(operations, "userName", user.userPrincipalName());
                case DISPLAY_NAME -> text(operations, "displayName", user.displayName());
                case GIVEN_NAME -> text(operations, "name.givenName", user.givenName());
                case SURNAME -> text(operations, "name.familyName", user.surname());
                case MAIL_NICKNAME -> text(operations, EXTENSION + "mailNickname", user.mailNickname());
                case MAIL -> text(operations, EXTENSION + "externalEmailAddress", user.mail());
                case OTHER_MAILS -> value(operations, EXTENSION + "proxyAddresses", ScimUserJson.proxyAddresses(user));
                case ACCOUNT_ENABLED -> value(operations, "active", BooleanNode.valueOf(user.accountEnabled()));
                case USAGE_LOCATION -> text(operations, EXTENSION + "usageLocation", user.usageLocation());
            }
        }
        if (changed.contains(MailUserField.MAIL) || changed.contains(MailUserField.OTHER_MAILS)) {
            value(operations, "emails", ScimUserJson.emails(user));
        }
        return body;
    }

    private static void text(ArrayNode operations, String path, String value) {
        value(operations, path, value == null || value.isEmpty() ? null : TextNode.valueOf(value));
    }

    /** replace with the value; remove when it is absent or an empty list. */
    private static void value(ArrayNode operations, String path, JsonNode value) {
        ObjectNode operation = operations.addObject();
        if (value == null || (value.isArray() && value.isEmpty())) {
            operation.put("op", "remove").put("path", path);
        } else {
            operation.put("op", "replace").put("path", path).set("value", value);
        }
    }
}

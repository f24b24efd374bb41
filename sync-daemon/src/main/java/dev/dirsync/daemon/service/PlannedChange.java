package dev.dirsync.daemon.service;

import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A change a staging run would have exported: its kind, the object and the properties it would
 * set (all present ones for a create, the changed ones for an update). Never a password.
 */
public record PlannedChange(
        String kind, String anchor, String cloudId, String userPrincipalName, Map<String, Object> properties) {

    static PlannedChange of(Change change) {
        if (change instanceof Change.Create create) {
            return new PlannedChange(
                    "create",
                    create.anchor().value(),
                    null,
                    create.user().userPrincipalName(),
                    properties(create.user(), EnumSet.allOf(MailUserField.class), true));
        }
        if (change instanceof Change.Update update) {
            return new PlannedChange(
                    "update",
                    update.anchor().value(),
                    update.cloudId(),
                    update.user().userPrincipalName(),
                    properties(update.user(), update.changed(), false));
        }
        Change.Remove remove = (Change.Remove) change;
        return new PlannedChange("remove", remove.anchor().value(), remove.cloudId(), null, Map.of());
    }

    private static Map<String, Object> properties(MailUser user, Set<MailUserField> fields, boolean skipAbsent) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (MailUserField field : fields) {
            Object value = field.valueOf(user);
            boolean absent = value == null || (value instanceof Collection<?> c && c.isEmpty());
            if (!(skipAbsent && absent)) {
                values.put(field.graphName(), absent ? null : value);
            }
        }
        return values;
    }
}

package dev.dirsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;
import java.util.List;
import java.util.Map;

/** Renders stored users as Graph returns them: the selected properties, unset ones as null or []. */
final class UserProjection {
    private UserProjection() {}

    static ObjectNode project(Map<String, Object> user, List<String> select) {
        ObjectNode node = Json.object();
        for (String name : select) {
            // passwordProfile is write-only: selectable, always null
            Object value = name.equals(UserSchema.PASSWORD_PROFILE) ? null : user.get(name);
            node.set(name, Json.MAPPER.valueToTree(value == null ? UserSchema.unsetValue(name) : value));
        }
        return node;
    }

    /** Every stored property: the answer to a create. */
    static ObjectNode all(Map<String, Object> user) {
        return Json.MAPPER.valueToTree(user);
    }
}

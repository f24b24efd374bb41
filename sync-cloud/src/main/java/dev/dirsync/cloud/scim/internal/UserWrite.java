package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.core.model.Change;

/**
 * The request one change becomes, the same whether sent alone or inside a bulk request: Create is
 * POST /Users; Update is PATCH /Users/{id} with only the changed attributes, or PUT of the whole
 * resource when the service does not support PATCH; Remove is DELETE /Users/{id}.
 *
 * @param method the HTTP method
 * @param id the cloud id, null for POST
 * @param body the request body, null for DELETE
 */
public record UserWrite(String method, String id, ObjectNode body) {

    public static UserWrite of(Change change, boolean patchSupported) {
        if (change instanceof Change.Create create) {
            return new UserWrite("POST", null, ScimUserJson.resource(create.user()));
        }
        if (change instanceof Change.Update update) {
            return patchSupported
                    ? new UserWrite("PATCH", update.cloudId(), ScimPatch.patchOp(update.user(), update.changed()))
                    : new UserWrite("PUT", update.cloudId(), ScimUserJson.resource(update.user()));
        }
        Change.Remove remove = (Change.Remove) change;
        return new UserWrite("DELETE", remove.cloudId(), null);
    }
}

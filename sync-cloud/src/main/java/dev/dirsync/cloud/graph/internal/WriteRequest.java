package dev.dirsync.cloud.graph.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.core.model.Change;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One write as it goes to Graph, alone or as an item of a batch. A create's body carries its
 * initial password, so {@link #toString()} never shows the body.
 *
 * @param change the change it carries out
 * @param kind what it does
 * @param method POST, PATCH or DELETE
 * @param url the absolute URL
 * @param body the JSON body, or null (DELETE)
 * @param cloudId the object written to; null for a create
 */
public record WriteRequest(Change change, Kind kind, String method, HttpUrl url, ObjectNode body, String cloudId) {

    public enum Kind {
        /** POST /users. */
        CREATE,
        /** PATCH /users/{id} with the anchor: a create that adopts an unclaimed cloud user. */
        ADOPT,
        /** PATCH /users/{id}. */
        UPDATE,
        /** DELETE /users/{id}. */
        REMOVE
    }

    public WriteRequest {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }

    /** The request that carries out {@code change}; a create gets a fresh initial password. */
    public static WriteRequest of(Change change, GraphEndpoints endpoints, PasswordGenerator passwords) {
        if (change instanceof Change.Create create) {
            return new WriteRequest(
                    change,
                    Kind.CREATE,
                    "POST",
                    endpoints.users(),
                    GraphUserJson.createBody(create.user(), passwords.next()),
                    null);
        }
        if (change instanceof Change.Update update) {
            return new WriteRequest(
                    change,
                    Kind.UPDATE,
                    "PATCH",
                    endpoints.user(update.cloudId()),
                    GraphUserJson.patchBody(update.user(), update.changed()),
                    update.cloudId());
        }
        Change.Remove remove = (Change.Remove) change;
        return new WriteRequest(
                change, Kind.REMOVE, "DELETE", endpoints.user(remove.cloudId()), null, remove.cloudId());
    }

    /** {@code create} carried out by adopting the unclaimed cloud user {@code id}. */
    public static WriteRequest adopt(Change.Create create, String id, GraphEndpoints endpoints) {
        return new WriteRequest(
                create, Kind.ADOPT, "PATCH", endpoints.user(id), GraphUserJson.adoptBody(create.user()), id);
    }

    /** As a request of its own. */
    public Request toRequest() {
        return new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .method(method, body == null ? null : GraphJson.body(body))
                .build();
    }

    @Override
    public String toString() {
        return "WriteRequest[" + method + " " + url.encodedPath() + " for " + change.anchor() + "]";
    }
}

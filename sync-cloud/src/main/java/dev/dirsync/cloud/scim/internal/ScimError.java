package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.internal.HttpReply;
import java.io.IOException;

/**
 * A failed answer in the service's words, from the SCIM error body (RFC 7644 section 3.12:
 * {@code {"schemas":[".../Error"],"status":"409","scimType":"uniqueness","detail":"..."}}). A body
 * that is not one (a proxy's HTML page, malformed JSON, nothing) yields code {@code HTTP_<status>}
 * and a message that says so, never a parser's exception.
 *
 * @param status the HTTP status
 * @param scimType the SCIM detail error keyword, or null
 * @param detail the service's detail message, or a description of the reply
 * @param fromScim whether the body was a SCIM error body
 * @param summary one line for logs and exceptions: status, URL and the error
 */
public record ScimError(int status, String scimType, String detail, boolean fromScim, String summary) {

    public static final String UNIQUENESS = "uniqueness";

    public static ScimError of(HttpReply reply) {
        if (reply.isJson() && reply.body().length > 0) {
            try {
                JsonNode body = ScimJson.tree(reply.body());
                if (isErrorBody(body)) {
                    return fromBody(reply.status(), body, reply.describe());
                }
            } catch (IOException e) {
                // Declared JSON but malformed: described below like any other foreign body.
            }
        }
        String described = reply.describe() + ", not a SCIM error body";
        return new ScimError(reply.status(), null, described, false, described);
    }

    /** The error of one bulk operation: its {@code response} member, which may be absent. */
    public static ScimError ofBulkOperation(int status, JsonNode response, String where) {
        if (response != null && isErrorBody(response)) {
            return fromBody(status, response, where);
        }
        String described = where + ": status " + status + " without a SCIM error body";
        return new ScimError(status, null, described, false, described);
    }

    /** The result code dirsync records: the scimType when the service named one, else {@code HTTP_<status>}. */
    public String code() {
        return scimType != null && !scimType.isBlank() ? scimType : "HTTP_" + status;
    }

    /**
     * A value another resource already holds. RFC 7644 answers uniqueness violations with 409 and
     * scimType {@code uniqueness}; a 409 without a scimType is taken as one too, and so is the
     * keyword with a status other than 409 (some services answer 400).
     */
    public boolean isUniquenessConflict() {
        return UNIQUENESS.equalsIgnoreCase(scimType) || (status == 409 && (scimType == null || scimType.isBlank()));
    }

    private static boolean isErrorBody(JsonNode body) {
        if (!body.isObject()) {
            return false;
        }
        for (JsonNode schema : body.path("schemas")) {
            if (ScimSchemas.ERROR.equals(schema.asText())) {
                return true;
            }
        }
        return body.hasNonNull("detail") || body.hasNonNull("scimType");
    }

    private static ScimError fromBody(int status, JsonNode body, String where) {
        String scimType = ScimJson.text(body, "scimType");
        String detail = ScimJson.text(body, "detail");
        if (detail == null || detail.isBlank()) {
            detail = "no detail given";
        }
        return new ScimError(
                status, scimType, detail, true, where + ": " + (scimType == null ? "" : scimType + ": ") + detail);
    }
}

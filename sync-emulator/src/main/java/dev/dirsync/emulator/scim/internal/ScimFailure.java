package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;

/** A request the emulator refuses, answered with RFC 7644's error body (section 3.12). */
public final class ScimFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final int status;
    private final String scimType;

    public ScimFailure(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimFailure invalidSyntax(String detail) {
        return new ScimFailure(400, "invalidSyntax", detail);
    }

    public static ScimFailure invalidValue(String detail) {
        return new ScimFailure(400, "invalidValue", detail);
    }

    public static ScimFailure notFound(String detail) {
        return new ScimFailure(404, null, detail);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    /** {@code {"schemas":[".../Error"],"status":"409","scimType":"uniqueness","detail":"..."}}. */
    public ObjectNode body() {
        ObjectNode body = Json.object();
        body.putArray("schemas").add(ERROR);
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", getMessage());
        return body;
    }
}

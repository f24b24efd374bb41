package dev.dirsync.emulator.internal;

/**
 * A request the emulator refuses, as Graph would: HTTP status, Graph error code and message, and
 * optionally the property it concerns (rendered as {@code details[].target}). Carries no stack
 * trace: it is an answer, not a fault.
 */
public final class GraphError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String target;
    private final String detailCode;

    private GraphError(int status, String code, String message, String target, String detailCode) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.target = target;
        this.detailCode = detailCode;
    }

    public static GraphError of(int status, String code, String message) {
        return new GraphError(status, code, message, null, null);
    }

    public static GraphError badRequest(String message) {
        return of(400, "Request_BadRequest", message);
    }

    public static GraphError unsupportedQuery(String message) {
        return of(400, "Request_UnsupportedQuery", message);
    }

    public static GraphError unknownProperty(String property) {
        return unknownProperty(property, "User");
    }

    /** @param resource the resource type, e.g. {@code Group} */
    public static GraphError unknownProperty(String property, String resource) {
        return new GraphError(
                400,
                "Request_BadRequest",
                "Property '" + property + "' does not exist as a declared property or extension property"
                        + " of resource '" + resource + "' supported by the cloud emulator.",
                property,
                "InvalidProperty");
    }

    public static GraphError invalidValue(String property) {
        return invalidValue(property, "User");
    }

    /** @param resource the resource type, e.g. {@code Group} */
    public static GraphError invalidValue(String property, String resource) {
        return new GraphError(
                400,
                "Request_BadRequest",
                "Invalid value specified for property '" + property + "' of resource '" + resource + "'.",
                property,
                "InvalidValue");
    }

    public static GraphError required(String property) {
        return new GraphError(
                400,
                "Request_BadRequest",
                "Property value is required but is empty or missing: '" + property + "'.",
                property,
                "PropertyRequired");
    }

    public static GraphError readOnly(String property) {
        return new GraphError(
                400,
                "Request_BadRequest",
                "Property '" + property + "' is read-only and cannot be set.",
                property,
                "InvalidProperty");
    }

    public static GraphError conflict(String property) {
        return new GraphError(
                400,
                "Request_BadRequest",
                "Another object with the same value for property " + property + " already exists.",
                property,
                "ObjectConflict");
    }

    public static GraphError notFound(String id) {
        return of(
                404,
                "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects"
                        + " are not present.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The property concerned, or {@code null}. */
    public String target() {
        return target;
    }

    /** The code of the detail entry, or {@code null} when there is no target. */
    public String detailCode() {
        return detailCode;
    }
}
